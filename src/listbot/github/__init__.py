"""The GitHub bot: PR reviews on changed lines, one link-rot issue, repository health.

Parts: ``api`` (the only PyGithub import: a small client that translates PyGithub's
exceptions into :class:`~listbot.github.api.GitHubError`), ``diff`` (pure: commentable
lines from PR patches), ``markers`` (pure: hidden fingerprint markers), ``escape`` (pure:
untrusted text made safe for Markdown and workflow commands), ``review`` (findings → one
PR review, stale comments removed, sticky summary, fork fallback), ``annotations``
(workflow commands and the job summary), ``linkrot`` (one self-managing issue),
``maintain`` (one self-updating pull request with the safe fixes: ``maintain_check``
checks and fixes, ``maintain_plan`` describes the changes), ``repos`` (GitHub
repository health through GraphQL batches) and ``options`` (the ``[github]`` and
``[maintain]`` configuration tables).
"""
