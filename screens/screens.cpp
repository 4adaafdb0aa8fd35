// hearth_screens is header-only until its first screen; this keeps the target
// a library every build system accepts.
