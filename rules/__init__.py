"""newslint's built-in rules, one module per rule, grouped by family.

This folder installs as the package ``newslint_rules``.  The rules register
through the ``newslint`` entry-point group (``newslint_rules.plugin``), the
same way a third-party plugin package does.
"""
