import CCairo

/// Version of the cairo library linked at run time, e.g. "1.16.0".
public var cairoVersion: String { String(cString: cairo_version_string()) }
