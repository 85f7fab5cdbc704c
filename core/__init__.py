"""The house's foundation: errors, records and kinds, paths and settings, privacy
defaults, the index folder (store, builds) and Serbian text (script, fold). Imports
only the standard library and third-party packages (tests/test_architecture.py)."""
