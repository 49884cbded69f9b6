"""awesome-lint's list-item tests (test/rules/list-item.test.js, fixtures list-item/0-10.md).

Each case restates a group of the fixtures' items in our own Markdown. awesome-lint's
results come from running awesome-lint 2.3.0 on the same Markdown (most of its list-item
tests only log their messages).
"""

from __future__ import annotations

from tests.parity.harness import Case, pairs

CASES = [
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "Every item here is valid.\n"
            "\n"
            "- [bar](https://bar.example) - Good description.\n"
            "- [bar](https://bar.example) - A good description.\n"
            "- [bar](https://bar.example) - A good description...\n"
            "- [bar](https://bar.example) - A good description.........\n"
            "- [bar](https://bar.example) - A good description…\n"
            "- [bar](https://bar.example) - A good description..…...\n"
            "- [bar](https://bar.example) - A good description!\n"
            "- [bar](https://bar.example) - A good description!!!\n"
            "- [bar](https://bar.example) - A good description?\n"
            "- [bar](https://bar.example) - A good description????\n"
            "- [bar](https://bar.example) - A good description???!?!\n"
            "- [bar](https://bar.example) - A good description..…!?…..\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) - Good one! 🌟\n"
            "- [bar](https://bar.example) - Ends with a picture. 🎥\n"
            "- [bar](https://bar.example) - Ends with pictures. 🎥 🎥\n"
            "- [bar](https://bar.example) - Ends with a toned emoji. 👨🏽\n"
            "- [bar](https://bar.example) - Ends with a watch. ⌚\n"
            "- [bar](https://bar.example) - Ends with an hourglass. ⏳\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) - Good description with a "
            "[link](https://baz.example).\n"
            "- [bar](https://bar.example) - Good description. "
            "![picture](picture.png)\n"
            "- [bar](https://bar.example) - Good description. <img "
            'src="picture.png">\n'
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) - `good description` here.\n"
            "- [bar](https://bar.example) - `good` is a word that is `fine`.\n"
            "- [bar](https://bar.example) - `good` is a word that is `fine`?!?.\n"
            "- [bar](https://bar.example) - The so-called `lint-tool` project.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) - GoOd description.\n"
            "- [bar](https://bar.example) - anoTher good description with camelCase.\n"
            "  - [bar](https://bar.example) - Good sub-item.\n"
            "  - [bar](https://bar.example) - Good sub-item.\n"
            "    - [bar](https://bar.example) - Good sub-sub-item!!!\n"
            "- [bar](https://bar.example) - GitHub's descriptions work too.\n"
            "- [bar-baz](https://bar-baz.example) - Good description.\n"
            "- 👍 [bar](https://bar-baz.example) - Good description.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "## Talks\n"
            "\n"
            "These need no description.\n"
            "\n"
            "- [Writing a Tiny Compiler in a Weekend](https://compiler.example)\n"
            "- [Learn Audio Processing the Hard "
            "Way](https://github.com/someone/audio-hard-way)\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "## Edge Cases\n"
            "\n"
            "- [rep](https://rep.example) - Real-time replication for data sets.\n"
            "- [netcat-web](https://github.com/someone/netcat-web) - p2p "
            "pipe across the web that uses your keys for authentication.\n"
            "- [Neuro.js](https://github.com/someone/neuro.js) - "
            "Neural-network framework.\n"
            "- [Shellish](https://github.com/someone/shellish) - "
            "Cross-platform shell commands in pure JavaScript.\n"
            "- [dupfind](https://github.com/someone/dupfind) - Copy/paste "
            "finder for source code.\n"
            "- [ironBug](https://github.com/someone/iron-bug) - Debugger "
            "supporting ES2015 out of the box.\n"
            "- [spi-bus](https://github.com/someone/spi-bus) - SPI serial "
            "bus access.\n"
            "- [Note Pad](https://github.com/someone/notepad) - Real-time "
            "preview Markdown editor.\n"
            "- [vocab](https://github.com/someone/vocab) - SKOS(-XL) "
            "vocabulary management for the Semantic Web.\n"
            "- [Bridge Two](https://github.com/someone/bridge) - C# to "
            "JavaScript transpiler. Write apps in C# and run them anywhere.\n"
            "- [Ann Lee (@_annlee_)](https://twitter.com/_annlee_)\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            '- [bar](https://bar.example) - "Monopoly" inspired card game.\n'
            "- [bar](https://bar.example) - 'Preferences' window for everything.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "Endings after quotes.\n"
            "\n"
            '- [bar](https://bar.example) - Ends with a "quoted word".\n'
            '- [bar](https://bar.example) - Ends with a "quoted word"!\n'
            '- [bar](https://bar.example) - Ends with a "quoted word"?\n'
            '- [bar](https://bar.example) - Ends with a "quoted word"…\n'
            "- [bar](https://bar.example) - Ends with a curly “quoted word”.\n"
            "- [bar](https://bar.example) - Ends with a curly “quoted word”!\n"
            "- [bar](https://bar.example) - Ends with a curly “quoted word”?\n"
            "- [bar](https://bar.example) - Ends with a curly “quoted word”…\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            '- [bar](https://bar.example) - "A whole quote that ends with a period."\n'
            '- [bar](https://bar.example) - "A whole quote that ends with a bang!"\n'
            '- [bar](https://bar.example) - "A whole quote that asks?"\n'
            '- [bar](https://bar.example) - "A whole quote that trails off…"\n'
            "- [bar](https://bar.example) - “A curly quote that ends with a period.”\n"
            "- [bar](https://bar.example) - “A curly quote that ends with a bang!”\n"
            "- [bar](https://bar.example) - “A curly quote that asks?”\n"
            "- [bar](https://bar.example) - “A curly quote that trails off…”\n"
            "- [bar](https://bar.example) - “A quote's edge cases with "
            "unbalanced marks . Too long to quote (…) so here is the gist "
            "— an aside — with a twist.”\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) - Ends with a parenthetical. (French)\n"
            "- [bar](https://bar.example) - Ends with an emphasised "
            "parenthetical. *(French)*\n"
            "- [bar](https://bar.example) - Ends with a strong "
            "parenthetical. **(French)**\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "Emoji instead of punctuation.\n"
            "\n"
            "- [bar](https://bar.example) 💰\n"
            "- [bar](https://bar.example) - "
            "[Sample](https://read.example/sample?id=42&ref=abc) 💰\n"
            "\n"
            "Simple descriptions without a dash.\n"
            "\n"
            "- [bar](https://bar.example) (aside)\n"
            "- [bar](https://bar.example) *(emphasised aside)*\n"
            "- [bar](https://bar.example) **(strong aside)**\n"
            "- [bar](https://bar.example) (aside with emoji) 🎥\n"
            "- [bar](https://bar.example) *(emphasised aside with emoji)* 🎥\n"
            "- [bar](https://bar.example) **(strong aside with emoji)** 🎥\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "Code in the link text.\n"
            "\n"
            "- [`@bar_tool` on Mastodon](https://mastodon.example/@bar_tool)\n"
            "- [`#bar.js` on Libera](https://web.libera.example/?channels=bar.js)\n"
            "- [`@bar_de` on Telegram](https://t.example/bar_de) *(German)*\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "Lower-case names that may start a description.\n"
            "\n"
            "- [bar](https://bar.example) - npm is great.\n"
            "- [bar](https://bar.example) - iOS is great.\n"
            "- [bar](https://bar.example) - macOS is great.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [Swift](https://github.com/someone/awesome-swift#readme)\n"
            "  - [Server-Side](https://github.com/someone/awesome-swift-server#readme)\n"
            "\n"
            "- Futures\n"
            "\t- [baz](https://baz.example)\n"
            "\t- [baz](https://baz.example)\n"
            "- Signals\n"
            "\t- [baz](https://baz.example)\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "Sub-lists indented with tabs, and mixed.\n"
            "\n"
            "- [bar](https://bar.example)\n"
            "\t- [baz](https://baz.example)\n"
            "\t- [baz2](https://baz2.example)\n"
            "\t\t- [qux](https://qux.example)\n"
            "\t\t- [qux2](https://qux2.example)\n"
            "\n"
            "- [Ruby](https://github.com/someone/awesome-ruby#readme)\n"
            "\t- [Concurrency](https://github.com/someone/awesome-concurrency#readme) "
            "- Concurrent I/O in Ruby 3.\n"
            "\t- [Audio "
            "Research](https://github.com/someone/awesome-audio#readme) - "
            "Scientific research in audio/music.\n"
            "  - [MicroRuby](https://github.com/someone/awesome-microruby#readme) "
            "- A version of Ruby for microcontrollers.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [why-is-it-slow](https://github.com/someone/why-is-it-slow) "
            "- Node.js is slow but you don't know why?\n"
            "\n"
            "- [adagtk] - Graphical toolkit based on Gtk3 (a link "
            "reference; remark-lint-no-undefined-references checks it).\n"
            "- [*sample* `code`][sampleref] - Another reference link with children.\n"
            "\n"
            "[adagtk]: https://github.com/someone/adagtk\n"
            "[sampleref]: https://sample.example\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/0.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) "
            "![stars](https://img.shields.io/github/stars/bar/bar.svg) - "
            "Good description.\n"
            "- ![v1](img/v1.png) [Error "
            "Middleware](https://github.com/someone/error-middleware) - "
            "Middleware that turns thrown errors into JSON.\n"
            "- ![v1](img/v1.png) ![v2](img/v2.png) "
            "[Crashlog](https://github.com/someone/crashlog) - Report "
            "errors to Crashlog.\n"
            "- [Maps services - Request "
            "Collection](https://www.requests.example/maps) - Official "
            "request collections for the geocoding, routing and data "
            "hosting APIs (issue #146).\n"
            "- [rmx](https://github.com/someone/rmx/tree/main/rmx) - Holds "
            "the middleware API "
            "![rmx](https://img.shields.io/github/stars/someone/rmx.svg) "
            "(issue #49).\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=(
            "Every item here is invalid.\n"
            "\n"
            "- [bar](https://bar.example) - a bad description.\n"
            "- [bar](https://bar.example) - bad description.\n"
            "  - [bar](https://bar.example) - bad sub-item description.\n"
            "    - [bar](https://bar.example) - bad sub-item description.\n"
        ),
        awesome_lint=pairs(
            ("awesome-list-item", 3),
            ("awesome-list-item", 4),
            ("awesome-list-item", 5),
            ("awesome-list-item", 6),
        ),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=("- [bar](https://bar.example)  -  Bad dash separator.\n"),
        awesome_lint=pairs(("awesome-list-item", 1)),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar]() - Bad url.\n"
            "- [bar](relative) - Bad url.\n"
            "- [](https://bar.example) - Bad link text.\n"
        ),
        awesome_lint=pairs(
            ("awesome-list-item", 1),
            ("awesome-list-item", 2),
            ("awesome-list-item", 3),
        ),
        listbot=pairs(("awesome-list-item", 1), ("awesome-list-item", 3)),
        why=(
            "A relative link (`relative`, `docs/guide.md`) opens a file of the list's own "
            "repository on GitHub: it is a working link, not an invalid URL."
        ),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) -\xa0A no-break space instead of a space.\n"
            "- [bar](https://bar.example) — An em-dash instead of a hyphen.\n"
        ),
        awesome_lint=pairs(("awesome-list-item", 1), ("awesome-list-item", 2)),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [sparky](https://github.com/someone/sparky) - Draws sparklines ▁▂▃▅▂▇\n"
            "- [kaomoji](https://github.com/someone/kaomoji) - (=ↀωↀ=)✧ (^･o･^)ﾉ”\n"
        ),
        awesome_lint=pairs(("awesome-list-item", 1), ("awesome-list-item", 2)),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=("- [bar](https://bar.example) - No final punctuation\n"),
        awesome_lint=pairs(("awesome-list-item", 1)),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) - ``\n"
            "- [bar](https://bar.example) - `a description entirely in code`\n"
            "- [bar](https://bar.example) - `still code, even with a period.`\n"
            "- [bar](https://bar.example) - `still code, even with a bang!`\n"
            "- [bar](https://bar.example) - `still code, even asking?`\n"
            "- [bar](https://bar.example) - `still code, even trailing off…`\n"
            "- [bar](https://bar.example) - `still code, with the period outside`.\n"
            "- [bar](https://bar.example) - `still code, with the bang outside`!\n"
            "- [bar](https://bar.example) - `still code, asking outside`?\n"
            "- [bar](https://bar.example) - `still code, trailing off outside`…\n"
            "- [bar](https://bar.example) - `still code, too much punctuation`…...?\n"
            "- [bar](https://bar.example) - `still code, too much "
            "punctuation...!?`…...?\n"
        ),
        awesome_lint=pairs(
            ("awesome-list-item", 1),
            ("awesome-list-item", 2),
            ("awesome-list-item", 3),
            ("awesome-list-item", 4),
            ("awesome-list-item", 5),
            ("awesome-list-item", 6),
        ),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=("- [bar](https://bar.example) - ”Reversed curly quotes.“\n"),
        awesome_lint=pairs(("awesome-list-item", 1)),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=(
            "Punctuation on both sides of a closing quote.\n"
            "\n"
            '- [bar](https://bar.example) - Doubled around a quote "stop.".\n'
            '- [bar](https://bar.example) - Doubled around a quote "stop."!\n'
            '- [bar](https://bar.example) - Doubled around a quote "stop."?\n'
            '- [bar](https://bar.example) - Doubled around a quote "stop."…\n'
            '- [bar](https://bar.example) - Doubled around a quote "stop!".\n'
            '- [bar](https://bar.example) - Doubled around a quote "stop!"!\n'
            '- [bar](https://bar.example) - Doubled around a quote "stop?"?\n'
            '- [bar](https://bar.example) - Doubled around a quote "stop…"…\n'
            "- [bar](https://bar.example) - Doubled around a curly quote “stop.”.\n"
            "- [bar](https://bar.example) - Doubled around a curly quote “stop!”?\n"
            "- [bar](https://bar.example) - Doubled around a curly quote “stop?”!\n"
            "- [bar](https://bar.example) - Doubled around a curly quote “stop…”…\n"
            "- [bar](https://bar.example) - Doubled around a curly quote “stop…”??!\n"
            "- [bar](https://bar.example) - Doubled around a curly quote "
            "“stop?…...”…...?\n"
        ),
        awesome_lint=pairs(
            ("awesome-list-item", 3),
            ("awesome-list-item", 4),
            ("awesome-list-item", 5),
            ("awesome-list-item", 6),
            ("awesome-list-item", 7),
            ("awesome-list-item", 8),
            ("awesome-list-item", 9),
            ("awesome-list-item", 10),
            ("awesome-list-item", 11),
            ("awesome-list-item", 12),
            ("awesome-list-item", 13),
            ("awesome-list-item", 14),
            ("awesome-list-item", 15),
            ("awesome-list-item", 16),
        ),
    ),
    Case(
        source="test/fixtures/list-item/1.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [adagtk] - Reference link without its definition.\n"
            "- [*sample* ![pic](https://pic.example)][sampleref] - Another "
            "reference link with a bad child.\n"
            "\n"
            "[sampleref]: https://ref.example\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/2.md",
        rules=("awesome-list-item",),
        markdown=(
            "## Contents\n"
            "\n"
            "Table of contents items are not entries.\n"
            "\n"
            "- [Guides](#guides)\n"
            "- [Python](#python)\n"
            "- [Web](#web)\n"
            "\n"
            "## Guides\n"
            "\n"
            "- [bar](https://bar.example) - Good description.\n"
            "- [bar](https://bar.example) - A good description with a "
            "[link](https://baz.example).\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/3.md",
        rules=("awesome-list-item",),
        markdown=(
            "# Awesome Deno\n"
            "\n"
            "## Contents\n"
            "\n"
            "- [Resources](#resources)\n"
            "\n"
            "## Resources\n"
            "\n"
            "- Guides\n"
            "  - [Deno in 20 "
            "Days](https://github.com/someone/deno-20-days) - Learn the "
            "Deno runtime in 20 days\n"
            "  - Plain text items are fine.\n"
            "  - [bar]() - Bad url.\n"
        ),
        awesome_lint=pairs(("awesome-list-item", 10), ("awesome-list-item", 12)),
    ),
    Case(
        source="test/fixtures/list-item/4.md",
        rules=("awesome-list-item",),
        markdown=(
            "- [bar](https://bar.example) - a bad description.\n"
            "- [bar](https://bar.example) - bad description.\n"
            "\n"
            "<!--lint disable awesome-list-item-->\n"
            "- [bar](https://bar.example) - a bad description.\n"
            "- [bar](https://bar.example) - bad description.\n"
            "\n"
            "<!--lint disable awesome-list-item-->\n"
            "- [bar](https://bar.example) - a bad description.\n"
            "<!--lint enable awesome-list-item-->\n"
            "- [bar](https://bar.example) - bad description.\n"
            "\n"
            "<!--lint ignore awesome-list-item-->\n"
            "- [bar](https://bar.example) - a bad description.\n"
            "\n"
            "A new list after this paragraph.\n"
            "\n"
            "- [bar](https://bar.example) - bad description.\n"
        ),
        awesome_lint=pairs(
            ("awesome-list-item", 1),
            ("awesome-list-item", 2),
            ("awesome-list-item", 11),
            ("awesome-list-item", 18),
        ),
        listbot=pairs(("awesome-list-item", 1)),
        why=(
            "All eight entries start in lower case: the list's own style, reported once (a "
            "warning at the first) rather than on each line."
        ),
    ),
    Case(
        source="test/fixtures/list-item/5.md",
        rules=("awesome-list-item",),
        markdown=(
            "# Awesome Things "
            "[![Awesome](https://awesome.re/badge.svg)](https://awesome.re)\n"
            "\n"
            "## Contents\n"
            "\n"
            "- [Tools](#tools)\n"
            "\n"
            "## Tools\n"
            "\n"
            "- ![linux](https://badges.example/linux.svg) "
            "![mac](https://badges.example/mac.svg) [Tool "
            "Name](https://github.com/someone/tool) - A description of the tool.\n"
            "- [![linux](https://badges.example/linux.svg)](#linux) "
            "[![mac](https://badges.example/mac.svg)](#mac) [Other "
            "Tool](https://github.com/someone/tool2) - Another description.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/6.md",
        rules=("awesome-list-item",),
        markdown=(
            "# Awesome Things\n"
            "\n"
            "## Contents\n"
            "\n"
            "- [Tools](#tools)\n"
            "\n"
            "## Tools\n"
            "\n"
            "- [adagtk] - Graphical toolkit based on Gtk3 components.\n"
            "- [other-tool][other] - Another tool for testing.\n"
            "- [*stressed*][stressed] - Tool with an emphasised name.\n"
            "- [mixed "
            "![badge](https://img.shields.io/badge/x-y.svg)][mixed] - Tool "
            "with a reference link holding an image.\n"
            "\n"
            "[adagtk]: https://github.com/someone/adagtk\n"
            "[other]: https://github.com/someone/other\n"
            "[stressed]: https://github.com/someone/stressed\n"
            "[mixed]: https://github.com/someone/mixed\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/7.md",
        rules=("awesome-list-item",),
        markdown=(
            "# Awesome Things\n"
            "\n"
            "## Contents\n"
            "\n"
            "- [Tools](#tools)\n"
            "\n"
            "## Tools\n"
            "\n"
            "- [/tech/wiki](https://wiki.example/Main_Page) - /tech/ board wiki.\n"
            "- [@someone/tool](https://github.com/someone/tool) - "
            "@someone's handy tool.\n"
            "- [#topic](https://topic.example) - #topic related tool.\n"
            "- [$money](https://money.example) - $money budget tool.\n"
            "- [~home](https://home.example) - ~home folder tool.\n"
            "- [&and](https://and.example) - &and join tool.\n"
            "- [%pct](https://pct.example) - %pct escape tool.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/8.md",
        rules=("awesome-list-item",),
        markdown=(
            "# Awesome\n"
            "\n"
            "- [__Strong Title__. Writer. "
            "_Periodical_.](https://journal.example) - Description of a "
            "strong title in a link.\n"
            "- [Plain](https://plain.example) - Ordinary description.\n"
            "- [__Article Title__. Writers. _Meeting "
            "2022_.](https://meeting.example/paper.pdf) - Academic citation.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/9.md",
        rules=("awesome-list-item",),
        markdown=(
            "# Awesome\n"
            "\n"
            "## Scripts Without Case\n"
            "\n"
            "- [Hindi](https://hi.example) - डेवलपर्स के लिए उपकरण.\n"
            "- [Chinese](https://zh.example) - 开发者工具.\n"
            "- [Japanese](https://ja.example) - 開発者向けツール.\n"
            "- [Arabic](https://ar.example) - أدوات المطورين.\n"
            "- [Thai](https://th.example) - เครื่องมือสำหรับนักพัฒนา.\n"
            "- [Korean](https://ko.example) - 개발자 도구.\n"
            "- [Hebrew](https://he.example) - כלים למפתחים.\n"
            "- [Georgian](https://ka.example) - ინსტრუმენტები დეველოპერებისთვის.\n"
            "- [Armenian](https://hy.example) - գործիքներ ծրագրավորողների համար.\n"
            "\n"
            "## Mixed\n"
            "\n"
            "- [Mixed](https://mixed.example) - हिंदी words with English after them.\n"
            "- [English](https://en.example) - English text still needs a capital.\n"
            "- [Digits](https://digits.example) - 42 digits first are fine.\n"
            "- [Handle](https://handle.example) - @someone mentions are fine.\n"
            "- [Path](https://path.example) - /usr/local paths are fine.\n"
        ),
        awesome_lint=pairs(),
    ),
    Case(
        source="test/fixtures/list-item/10.md",
        rules=("awesome-list-item",),
        markdown=(
            "-[TrackerPlayer](https://github.com/someone/tracker-player) - "
            "A music tracker player written in Zig, with SDL2 for audio and UI.\n"
        ),
        awesome_lint=pairs(("awesome-list-item", 1)),
    ),
    Case(
        source="test/rules/no-repeat-item-in-description.test.js",
        rules=("awesome-list-item",),
        markdown=(
            "# Test\n"
            "\n"
            "- [Tool](https://example.com) **NEW** - tool is amazing\n"
            "- [Library](https://example.com) *deprecated* - Library "
            "provides functions.\n"
            "- [Package](https://example.com) `v2.0` - Package helps with tasks.\n"
        ),
        awesome_lint=pairs(("awesome-list-item", 3)),
    ),
]
