"""Pure helpers that rules and checks share.

arxiv_ids (IDs from URLs and text, validity), arxiv_refs, urls, titles, markup, link_source.
"""
