"""OFAC delta files: what each publication of the SDN list added, removed and changed."""
