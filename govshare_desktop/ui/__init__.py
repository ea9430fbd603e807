"""Qt widgets, dialogs, item models and translated messages; the only package using QtWidgets."""
