"""Channel adapters: one module per platform, all speaking the neutral types of base.py."""
