"""Validates the pyhf workspaces given (files) against pyhf's schema 1.0.0; prints the number
checked, or the first failure and exits 1."""
import json
import sys

import pyhf

for path in sys.argv[1:]:
    try:
        with open(path) as handle:
            pyhf.schema.validate(json.load(handle), "workspace.json")
    except Exception as error:  # noqa: BLE001 - any failure is the answer
        print(f"{path}: {error}")
        sys.exit(1)
print(len(sys.argv) - 1)
