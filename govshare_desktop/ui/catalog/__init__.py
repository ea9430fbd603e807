"""The catalog editor: tree of the catalog, resource form, undoable edits saved as they are made."""
