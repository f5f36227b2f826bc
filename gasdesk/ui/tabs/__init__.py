"""One module per main-window tab. Each tab class takes (ctx: AppContext, parent)."""
