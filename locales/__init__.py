"""All user-facing text: Fluent files, one folder per language, and the renderer."""
