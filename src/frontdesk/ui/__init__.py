"""The till's Qt user interface: windows, dialogs and manager pages over the TillBackend port."""
