"""Pure helpers that rules and checks share: arxiv_ids (IDs from URLs and text, validity), urls, titles."""
