"""newslint's built-in rules, one module per rule, grouped by family.

They register through the ``newslint`` entry-point group (``rules.plugin``), the
same way a third-party plugin package does.
"""
