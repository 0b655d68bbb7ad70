"""The only Streamlit code besides the pages, one module per concern.

cache (the dataset and the charts shared by every session, keyed by the data's fingerprint),
presentation (presentation mode, page CSS), sidebar (language, filters, URL state), links (pages,
links, copy link), briefing_pack (the session's pack), downloads (fact cards, handouts, decks built
on click), display (charts with their actions and tables, notices) and classroom (the Learn page's
parts). May import every lower layer (i18n, dataset, charts, learn, outputs) and navigation; never views.
"""
