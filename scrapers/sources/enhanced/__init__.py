"""OFAC SDN_ENHANCED.XML: the date each entity was published on the SDN list."""
