"""Expected CLs upper limits of `reach export --pyhf` workspaces, computed by pyhf itself.

Usage: python pyhf_expected_limits.py CL WORKSPACE DATAFILE [WORKSPACE DATAFILE ...]

Every workspace is first validated against pyhf's schema 1.0.0 (pyhf.Workspace). For each
WORKSPACE it prints one JSON line: the file, the Asimov observation b, the POI's reference value
P_ref (from the measurement's name, "... mu = <parameter> / <P_ref>") and pyhf's expected
median upper limit on the parameter, mu_median * P_ref. The limit is the root in mu of
pyhf.infer.hypotest's median expected CLs (test statistic qtilde, asymptotic calculator,
return_expected_set=True) = 1 - CL, found with scipy's brentq inside the POI's bounds. Beside
it, `reach`'s own CLs expected median of the same point, read from the HEPData data file DATAFILE
of the same export: the column of variant k (the k-th variant of the table, k from the
workspace's name <basename>-v<k>-<mass>MeV.json) with band "median" and a CLs header, at that
mass.
"""
import json
import re
import sys
import warnings

import yaml

# pyhf's asymptotic calculator divides by zero at mu = 0 on its way to the root: harmless, and
# kept off the output, which is one JSON line per workspace.
warnings.filterwarnings("ignore", category=RuntimeWarning)

import pyhf
from scipy.optimize import brentq


def expected_median(path, alpha):
    with open(path) as handle:
        spec = json.load(handle)
    workspace = pyhf.Workspace(spec)  # validates against the schema
    model = workspace.model()
    data = workspace.data(model)
    lower, upper = model.config.suggested_bounds()[model.config.poi_index]

    def excess(mu):
        _, expected = pyhf.infer.hypotest(mu, data, model, test_stat="qtilde", return_expected_set=True)
        return float(expected[2]) - alpha

    mu = brentq(excess, max(lower, 1e-6 * upper), upper, rtol=1e-6)
    reference = float(spec["measurements"][0]["name"].rsplit("/", 1)[1])
    return {
        "file": path.rsplit("/", 1)[-1],
        "background": spec["observations"][0]["data"][0],
        "reference": reference,
        "mu_median": mu,
        "median": mu * reference,
    }


def reach_median(workspace_path, data_path):
    match = re.search(r"-v(\d+)-([0-9.e+-]+)MeV\.json$", workspace_path)
    variant_number, mass = int(match.group(1)), float(match.group(2))
    with open(data_path) as handle:
        table = yaml.safe_load(handle)
    masses = [value["value"] for value in table["independent_variables"][0]["values"]]
    columns = [(column, {q["name"]: q["value"] for q in column["qualifiers"]}) for column in table["dependent_variables"]]
    labels = list(dict.fromkeys(qualifiers["variant"] for _, qualifiers in columns))
    row = min(range(len(masses)), key=lambda i: abs(masses[i] - mass))
    for column, qualifiers in columns:
        if (qualifiers["variant"] == labels[variant_number - 1] and qualifiers["band"] == "median"
                and "CLs" in column["header"]["name"]):
            return column["values"][row]["value"]
    raise SystemExit(f"{data_path}: no CLs median of variant {variant_number}")


def main():
    alpha = 1 - float(sys.argv[1])
    pairs = sys.argv[2:]
    for workspace_path, data_path in zip(pairs[0::2], pairs[1::2]):
        result = expected_median(workspace_path, alpha)
        result["reach_median"] = reach_median(workspace_path, data_path)
        print(json.dumps(result, sort_keys=True), flush=True)


if __name__ == "__main__":
    main()
