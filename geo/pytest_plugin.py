"""pytest plugin: geo-consistency assertions (being written)."""
