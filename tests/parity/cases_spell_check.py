"""awesome-lint's spell-check fixtures (``test/fixtures/spell-check/*.md``), restated.

One case per behaviour a fixture checks: a name and its misspellings, a context that makes
an ordinary word a product, words that must stay silent. Lines are ours; the shapes
(heading, entry, blockquote, plain item, paragraph) are the fixtures'.
"""

from __future__ import annotations

from tests.parity.harness import Case, pairs

RULE = ("awesome-spell-check",)
SUCCESS = "test/fixtures/spell-check/success0.md"
ERRORS = "test/fixtures/spell-check/error0.md"
AMBIGUOUS = "test/fixtures/spell-check/ambiguous-words.md"
STANDALONE = "test/fixtures/spell-check/standalone-product-names.md"


def spell(*lines: int) -> frozenset[tuple[str, int]]:
    return pairs(*(("awesome-spell-check", line) for line in lines))


def flagged_lines(source: str, lines: list[str], *, differ: dict[int, str] | None = None) -> Case:
    """A plain list, one misspelling (or a correct form, ``ok:``) per line."""
    markdown = "Misspellings of one name.\n\n" + "".join(
        f"- {line.removeprefix('ok:')} is what we wrote here\n" for line in lines
    )
    expected = [3 + i for i, line in enumerate(lines) if not line.startswith("ok:")]
    return Case(source, RULE, markdown, spell(*expected))


CASES = [
    # -- success0.md: correct names, and words that only look like names --------------
    Case(
        SUCCESS,
        RULE,
        "Correct names stay silent.\n\n## Node.js\n\n[Node.js](https://a.example) - Node.js\n\n"
        "## GitHub and GitLab\n\n[GitHub](https://b.example) - GitHub, GitLab, YouTube\n\n"
        "## PostgreSQL\n\n[MongoDB](https://c.example) - MySQL, PostgreSQL, MongoDB\n\n"
        "## TypeScript\n\n[Vue.js](https://d.example) - Vue.js, TypeScript, JavaScript\n\n"
        "## Kubernetes\n\n[Docker](https://e.example) - Docker, Kubernetes, macOS\n\n"
        "## WebAssembly\n\n[GraphQL](https://f.example) - GraphQL, WebAssembly, FFmpeg\n\n"
        "## Stack Overflow\n\n[Redis](https://g.example) - Redis, Linux, Jest, PyTorch\n",
        spell(),
    ),
    Case(
        SUCCESS,
        RULE,
        "Joined words, code, URLs and links.\n\n"
        "- [awesome-nodejs-tools](https://github.com/someone/awesome-nodejs-tools)\n"
        "See [awesome-github-stars](https://github.com/someone/awesome-github-stars) too.\n"
        "- [https://github.com/someone/list](https://github.com/someone/list) -\n"
        "[GitHub]( https://github.com) hosts it.\n"
        "- https://github.com/someone/list hosts the list.\n"
        "- awesome-docker and vue-router and typescript-eslint are packages\n"
        "- ffmpeg-python, react-dom, angular-cli and kubernetes-helm are packages\n"
        "- Run `docker build` and `kubectl get pods` in a shell\n"
        "- Modules: my_typescript, vue_helpers, react_forms\n"
        "- Sites: https://vuejs.org, https://react.dev, https://python.org\n",
        spell(),
    ),
    Case(
        SUCCESS,
        RULE,
        "## .NET\n\n[.NET](https://dot.example) - .NET runtime\n"
        "- Written for .NET Core\n- Targets .NET 6\n- The .NET community\n",
        spell(),
    ),
    Case(
        SUCCESS,
        RULE,
        "Ordinary words.\n\n- People react to news\n- Crowds react slowly\n"
        "- The angular momentum grows\n- A svelte silhouette\n- Rails along the stairs\n"
        "- Close the windows at night\n- Julia Jones chairs the board\n"
        "- The nano scale is small\n- The net gain was small\n- A net loss again\n"
        "- [Fishing Net](https://net.example) - Nets for boats.\n",
        spell(),
    ),
    # -- error0.md: every name written wrongly, in every kind of node -----------------
    Case(
        ERRORS,
        RULE,
        "Spelling in several nodes.\n\n## nodejs\n- [nodejs](https://n.example) - nodejs\n"
        "> nodejs keeps running.\n",
        spell(3, 4, 5),
    ),
    flagged_lines(ERRORS, ["nodejs then Node.js", "node.js", "NodeJS", "nodeJS"]),
    flagged_lines(ERRORS, ["StackOverflow", "stackoverflow", "stack overflow"]),
    flagged_lines(ERRORS, ["javascript", "Javascript", "ok:JavaScript"]),
    flagged_lines(ERRORS, ["macos", "MacOS", "Mac OS", "mac OS", "Mac OSX", "OSX"]),
    flagged_lines(ERRORS, ["Mac OS X", "OS X"]),
    flagged_lines(ERRORS, ["Youtube", "You Tube", "youtube", "you tube"]),
    flagged_lines(ERRORS, ["Github", "Git Hub", "github", "git hub"]),
    flagged_lines(ERRORS, ["Gitlab", "Git Lab", "gitlab", "git lab"]),
    flagged_lines(ERRORS, ["typescript", "Typescript", "ok:TypeScript"]),
    flagged_lines(ERRORS, ["vuejs", "vue.js", "VueJS"]),
    flagged_lines(ERRORS, ["postgres", "postgresql", "Postgres"]),
    flagged_lines(ERRORS, ["mysql", "MySql", "MYSQL"]),
    flagged_lines(ERRORS, ["mongodb", "mongo db", "MongoDb"]),
    flagged_lines(ERRORS, ["docker", "DOCKER"]),
    flagged_lines(ERRORS, ["kubernetes", "KUBERNETES"]),
    Case(
        ERRORS,
        RULE,
        "An abbreviation.\n\n- k8s is what we wrote here\n",
        spell(3),
        listbot=spell(),
        why="k8s is an accepted abbreviation of Kubernetes (kubernetes.io writes K8s), "
        "not a misspelling of it.",
    ),
    flagged_lines(ERRORS, ["webassembly", "web assembly"]),
    flagged_lines(ERRORS, ["wasm", "WASM"]),
    flagged_lines(ERRORS, ["graphql", "graph ql", "GraphQl"]),
    flagged_lines(ERRORS, ["ffmpeg"]),
    flagged_lines(ERRORS, ["react component tests, not React"]),
    flagged_lines(ERRORS, ["angular framework setup, not Angular"]),
    flagged_lines(ERRORS, ["python language tooling, not Python"]),
    flagged_lines(ERRORS, ["docker containers, not Docker"]),
    flagged_lines(ERRORS, ["kubernetes orchestration, not Kubernetes"]),
    flagged_lines(ERRORS, ["tensorflow for training, not TensorFlow"]),
    flagged_lines(ERRORS, ["pytorch for research, not PyTorch"]),
    flagged_lines(ERRORS, ["vscode editor, not VSCode"]),
    flagged_lines(ERRORS, ["linux kernel, not Linux"]),
    flagged_lines(ERRORS, ["redis cache, not Redis"]),
    flagged_lines(ERRORS, ["jest testing setup, not Jest"]),
    Case(
        ERRORS,
        RULE,
        "A bundler.\n\n- webpack bundler, not Webpack, is what we wrote here\n",
        spell(3),
        listbot=spell(),
        why="webpack writes its name in lower case (webpack.js.org); Webpack is the misspelling.",
    ),
    flagged_lines(ERRORS, ["net framework setup"]),
    flagged_lines(ERRORS, ["Moving to NET Core"]),
    flagged_lines(ERRORS, ["Targeting net 8"]),
    # -- ambiguous-words.md: an ordinary word is a product only in a product context --
    Case(
        AMBIGUOUS,
        RULE,
        "Ordinary words.\n\n- A notion worth testing.\n- The spring rain.\n"
        "- I will sketch it.\n- Unity among friends.\n- An atom of hydrogen.\n"
        "- Some discord in the room.\n- Zoom in closer.\n- A standing asana.\n"
        "- A shard of obsidian.\n",
        spell(),
    ),
    *(
        Case(AMBIGUOUS, RULE, f"In context.\n\n- {line}\n", spell(3))
        for line in (
            "Our notion database and Notion itself.",
            "A spring boot starter beside Spring.",
            "The unity editor beside Unity.",
            "A sketch plugin beside Sketch.",
            "The atom package beside Atom.",
            "A discord bot beside Discord.",
            "The zoom webinar beside Zoom.",
            "Sync an asana workspace beside Asana.",
            "Open the obsidian vault beside Obsidian.",
        )
    ),
    Case(
        AMBIGUOUS,
        RULE,
        "Correctly written.\n\n- The Notion API.\n- Spring Framework apps.\n- Unity Engine games.\n"
        "- Sketch App files.\n- Atom Editor themes.\n- A Discord Server.\n"
        "- A Zoom Meeting.\n- An Asana Project.\n- An Obsidian Vault.\n",
        spell(),
    ),
    Case(
        AMBIGUOUS,
        RULE,
        "Edge cases.\n\n- Her notion of fairness.\n- Each spring we plan.\n"
        "- Sketch a map for me.\n- Unity through effort.\n- Splitting an atom.\n"
        "- Avoiding discord at home.\n- Zoom out a little.\n- Hold the asana longer.\n"
        "- The obsidian knife.\n",
        spell(),
    ),
    # -- standalone-product-names.md: ordinary words that are also product names ------
    Case(STANDALONE, RULE, "# Names\n\n## babel presets\n\nText.\n", spell(3)),
    Case(
        STANDALONE,
        RULE,
        "# Names\n\n- [parcel](https://p.example) - Bundles assets.\n"
        "- [mocha](https://m.example) - Runs tests.\n"
        "- [slack](https://s.example) - Team messages.\n"
        "- [blender](https://b.example) - Models in 3D.\n"
        "- [jasmine](https://j.example) - Behaviour tests.\n"
        "- [llama](https://l.example) - Runs language models.\n"
        "- [eclipse](https://e.example) - An IDE.\n",
        spell(3, 4, 5, 6, 7, 8, 9),
        listbot=spell(),
        why="An entry's name is the project's own and is not checked: awesome-nodejs lists "
        "[parcel] and [webpack] as their repositories are named.",
    ),
    *(
        Case(STANDALONE, RULE, f"# Names\n\n{line}\n", spell(3))
        for line in (
            "Our build uses babel",
            "They deploy with parcel",
            "Every suite uses mocha",
            "Reports come via slack",
            "The scene was made with blender",
        )
    ),
    Case(
        STANDALONE,
        RULE,
        "# Names\n\nOur build uses babel\nThey deploy with parcel\n",
        spell(3),
        listbot=spell(3, 4),
        why="listbot places a finding on the word's own line; awesome-lint on the first line "
        "of the paragraph's text.",
    ),
    Case(
        STANDALONE,
        RULE,
        "# Names\n\nA parcel came today\nShe ordered a mocha\nTake up the slack\n"
        "The blender is loud\n",
        spell(),
    ),
]
