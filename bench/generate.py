#!/usr/bin/env python3
"""Writes a deterministic, Astro-like site of Markdown articles for benchmarking contentlint.

The corpus looks like a real blog that many people contribute to: YAML front matter on
every post, headings, paragraphs, lists, code fences, tables, block quotes, links to other
posts (relative, root-relative routes, anchors), external links, images under public/,
and a few defects of every kind contentlint reports. Sizes follow real posts (1-30 KB,
most of them small). The same seed and size always give byte-identical output.

    bench/generate.py OUT --size-mb 10          # about 10 MB of Markdown
    bench/generate.py OUT --files 20            # exactly 20 posts
"""

import argparse
import math
import os
import random
import shutil
import sys

WORDS = (
    "the a an of to in and for with on is are was be by as at from that this it we you "
    "they our your their developer community content article mentor mentee cohort clan "
    "project build release review pull request branch commit merge deploy site page post "
    "schema field value string date image link anchor heading paragraph list table code "
    "fence language test suite runner engine parser token node tree front matter yaml "
    "markdown render output format report error warning rule option config folder file "
    "path route label tag author title description draft update team meetup workshop talk "
    "conference career path skill learn teach share write read ship measure improve "
    "performance latency memory thread core cache network request response server client "
    "browser editor terminal command shell script package version dependency library api "
    "design document contract interface module function variable type class object array "
    "open source issue feedback question answer example tutorial guide checklist lesson "
    "week month year first second next last new old good better best simple clear fast"
).split()

NAMES = (
    "Ada Lovelace", "Grace Hopper", "Linus Kernighan", "Margaret Hamilton", "Alan Turing",
    "Barbara Liskov", "Ken Thompson", "Radia Perlman", "Dennis Ritchie", "Frances Allen",
    "Edsger Dijkstra", "Katherine Johnson", "Clan Six of Cohort 3", "Clan Two of Cohort 4",
)

# The vocabulary the config allows (tag/unknown) and the groups it requires (tag/required).
TAGS = ("article", "task", "devrel", "mentorship", "announcements", "career", "tooling",
        "writing", "community", "open-source", "events", "tutorial")
COHORTS = ("cohort1", "cohort2", "cohort3", "cohort4", "cohort5")

LANGUAGES = ("python", "js", "ts", "bash", "yaml", "json", "go", "rust", "cpp", "html", "css")
CODE = {
    "python": ["def {w}({v}):", "    return {v} + 1", "", "print({w}(41))"],
    "js": ["const {w} = ({v}) => {v} * 2;", "console.log({w}(21));"],
    "ts": ["export function {w}({v}: number): number {{", "  return {v} * 2;", "}}"],
    "bash": ["npm install --save-dev {w}", "npx {w} --{v} src/"],
    "yaml": ["{w}:", "  {v}: true", "  items: [1, 2, 3]"],
    "json": ['{{"{w}": {{"{v}": true, "count": 3}}}}'],
    "go": ["func {w}({v} int) int {{", "\treturn {v} * 2", "}}"],
    "rust": ["fn {w}({v}: u32) -> u32 {{", "    {v} * 2", "}}"],
    "cpp": ["int {w}(int {v}) {{", "  return {v} * 2;", "}}"],
    "html": ['<section class="{w}">', '  <p id="{v}">Hello</p>', "</section>"],
    "css": [".{w} {{", "  margin: 0 auto;", "  color: #{v};", "}}"],
}
EXTERNAL = (
    "https://developer.mozilla.org/en-US/docs/Web/HTML",
    "https://docs.astro.build/en/guides/content-collections/",
    "https://github.com/commonmark/cmark",
    "https://yaml.org/spec/1.2.2/",
    "https://json-schema.org/understanding-json-schema/",
    "https://www.w3.org/WAI/tutorials/images/",
    "https://en.wikipedia.org/wiki/Developer_relations",
    "https://dxmentorship.com/mentees/david",
)
ASSETS = tuple(f"/assets/figure-{i:02d}.png" for i in range(40))

# Every kind of defect contentlint reports; each appears at least once when there are at
# least this many defective posts, then they repeat at random.
DEFECTS = (
    "frontmatter-missing", "frontmatter-unclosed", "frontmatter-syntax", "duplicate-key",
    "schema-required", "schema-date", "schema-unknown-key", "image-empty-url-fm",
    "image-empty-url-body", "image-alt-url", "image-not-found", "link-empty", "link-not-found",
    "link-anchor", "link-malformed-space", "link-malformed-email", "link-undefined-ref",
    "tag-format", "tag-duplicate", "tag-unknown", "heading-increment", "heading-title-h1",
    "heading-empty", "code-fence-language", "trailing-space", "final-newline",
)
DEFECT_RATE = 0.12


class Post:
    """One article: its slug, folder, headings (for anchors) and the text once written."""

    def __init__(self, slug, folder, title, headings, size):
        self.slug = slug
        self.size = size  # the body size to aim for, in bytes
        self.folder = folder  # relative to src/content/posts, "" or "2023"
        self.title = title
        self.headings = headings  # (level, text, slug)


def github_slug(text):
    out = []
    for ch in text.lower():
        if ch.isalnum() or ch in "-_":
            out.append(ch)
        elif ch == " ":
            out.append("-")
    return "".join(out)


def sentence(rng, low=6, high=22):
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    words[0] = words[0].capitalize()
    return " ".join(words) + rng.choice(".....?!")


def title_words(rng, low=3, high=8):
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def target_size(rng):
    # Log-normal around 6 KB, clipped to 1-30 KB: most posts are short, a few are long.
    return int(min(30_000, max(1_000, rng.lognormvariate(math.log(6_000), 0.75))))


def plan_posts(rng, count, limit):
    """Plans `count` posts, or as many as reach `limit` bytes when count is None."""
    posts = []
    used = set()
    total = 0
    i = 0
    while (count is not None and i < count) or (count is None and total < limit):
        i += 1
        while True:
            title = title_words(rng)
            slug = github_slug(title)[:60].strip("-") or f"post-{i}"
            if slug not in used:
                break
        used.add(slug)
        folder = rng.choice(("", "", "", "2023", "2024"))
        size = target_size(rng)
        headings = []
        for _ in range(rng.randint(2, 3 + size // 2_000)):
            text = title_words(rng, 2, 5)
            headings.append((2, text, github_slug(text)))
        total += size + 300  # about what the front matter and the last block add
        posts.append(Post(slug, folder, title, headings, size))
    return posts


def route_slug(post):
    """The slug Astro gives an entry: its path inside the collection, without .md."""
    return f"{post.folder}/{post.slug}" if post.folder else post.slug


def relative_link(post, other):
    """A link from post's file to other's file, as a contributor would write it."""
    if post.folder == other.folder:
        return f"./{other.slug}.md"
    if not post.folder:
        return f"./{other.folder}/{other.slug}.md"
    if not other.folder:
        return f"../{other.slug}.md"
    return f"../{other.folder}/{other.slug}.md"


def inline_text(rng, post, posts):
    """A paragraph with emphasis, code spans and links of every sort."""
    parts = []
    for _ in range(rng.randint(2, 6)):
        s = sentence(rng)
        roll = rng.random()
        if roll < 0.10:
            s += f" See [{rng.choice(WORDS)}]({rng.choice(EXTERNAL)})."
        elif roll < 0.16:
            other = rng.choice(posts)
            s += f" Read [{other.title.lower()}]({relative_link(post, other)})."
        elif roll < 0.20:
            other = rng.choice(posts)
            level, text, anchor = rng.choice(other.headings)
            s += f" More in [{text.lower()}]({relative_link(post, other)}#{anchor})."
        elif roll < 0.24:
            other = rng.choice(posts)
            s += f" The [{rng.choice(WORDS)} post](/blog/{route_slug(other)}) says so."
        elif roll < 0.28:
            level, text, anchor = rng.choice(post.headings)
            s += f" Jump to [{text.lower()}](#{anchor})."
        elif roll < 0.36:
            s += f" Use `{rng.choice(WORDS)}_{rng.choice(WORDS)}` here."
        elif roll < 0.44:
            s += f" This is **{rng.choice(WORDS)}** and *{rng.choice(WORDS)}*."
        parts.append(s)
    return " ".join(parts)


def block(rng, post, posts):
    roll = rng.random()
    if roll < 0.45:
        return inline_text(rng, post, posts)
    if roll < 0.58:
        marker = rng.choice(("-", "*", "1."))
        lines = []
        for k in range(rng.randint(2, 7)):
            m = f"{k + 1}." if marker == "1." else marker
            lines.append(f"{m} {sentence(rng, 3, 12)}")
            if rng.random() < 0.2:
                lines.append(f"   - {sentence(rng, 2, 8)}")
        return "\n".join(lines)
    if roll < 0.70:
        lang = rng.choice(LANGUAGES)
        body = []
        for _ in range(rng.randint(1, 4)):
            for line in CODE[lang]:
                body.append(line.format(w=rng.choice(WORDS), v=rng.choice(WORDS)))
        fence = "~~~" if rng.random() < 0.1 else "```"
        return f"{fence}{lang}\n" + "\n".join(body) + f"\n{fence}"
    if roll < 0.77:
        cols = rng.randint(2, 4)
        head = "| " + " | ".join(title_words(rng, 1, 2) for _ in range(cols)) + " |"
        sep = "|" + "|".join(" --- " for _ in range(cols)) + "|"
        rows = ["| " + " | ".join(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 4)))
                                  for _ in range(cols)) + " |"
                for _ in range(rng.randint(2, 6))]
        return "\n".join([head, sep] + rows)
    if roll < 0.85:
        alt = sentence(rng, 3, 8).rstrip(".?!")
        return f"![{alt}]({rng.choice(ASSETS)})"
    if roll < 0.92:
        return "> " + inline_text(rng, post, posts)
    if roll < 0.95:
        return f'<div id="{rng.choice(WORDS)}-{rng.randint(1, 99)}"></div>'
    return "<!-- " + sentence(rng, 3, 8) + " -->"


def front_matter(rng, post, index):
    tags = rng.sample(TAGS, rng.randint(1, 3))
    tags.insert(0, COHORTS[index % len(COHORTS)])
    fm = {
        "title": post.title,
        "pubDate": f"20{rng.randint(21, 24)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "author": rng.choice(NAMES),
        "description": sentence(rng, 8, 20),
        "image": {"url": rng.choice(ASSETS), "alt": sentence(rng, 3, 8).rstrip(".?!")},
        "tags": tags,
    }
    if rng.random() < 0.3:
        fm["updatedDate"] = f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    if rng.random() < 0.2:
        fm["draft"] = rng.random() < 0.5
    return fm


def yaml_scalar(value):
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    if any(c in text for c in ":#'\"[]{},&*!|>%@`") or text != text.strip():
        return "'" + text.replace("'", "''") + "'"
    return text


def render_front_matter(rng, fm):
    lines = []
    for key, value in fm.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            for k, v in value.items():
                lines.append(f"  {k}: {yaml_scalar(v) if v != '' else chr(39) * 2}")
        elif isinstance(value, list):
            if rng.random() < 0.5:
                lines.append(f"{key}: [" + ", ".join(f"'{v}'" for v in value) + "]")
            else:
                lines.append(f"{key}:")
                lines.extend(f"  - {yaml_scalar(v)}" for v in value)
        else:
            lines.append(f"{key}: {yaml_scalar(value)}")
    return lines


def apply_front_matter_defect(defect, fm):
    if defect == "schema-required":
        fm.pop("description")
    elif defect == "schema-date":
        d = fm["pubDate"]
        fm["pubDate"] = f"{d[8:10]}/{d[5:7]}/{d[0:4]}"
    elif defect == "schema-unknown-key":
        fm["pubdate"] = fm.pop("pubDate")
    elif defect == "image-empty-url-fm":
        fm["image"]["url"] = ""
    elif defect == "tag-format":
        fm["tags"].append("DevRel Tips")
    elif defect == "tag-duplicate":
        fm["tags"].append(fm["tags"][-1].capitalize())
    elif defect == "tag-unknown":
        fm["tags"].append("mentorshp")


def body_defect(defect, rng, post):
    if defect == "image-empty-url-body":
        return "![A diagram of the pipeline]()"
    if defect == "image-alt-url":
        url = "https://media.giphy.com/media/kyCGdt2fwxsCBrKnw0/giphy.gif"
        return f"![{url}]({url})"
    if defect == "image-not-found":
        return "![The team at the meetup](/assets/missing-photo.png)"
    if defect == "link-empty":
        return "Ask in the [community channel]() if you are stuck."
    if defect == "link-not-found":
        return "This continues [the previous part](./no-such-post.md)."
    if defect == "link-anchor":
        return f"See [the setup section](#{post.headings[0][2]}-typo) first."
    if defect == "link-malformed-space":
        return "The [slides](https://example.org/my slides.pdf) are online."
    if defect == "link-malformed-email":
        return "Write to [the organisers](team@example.org) for details."
    if defect == "link-undefined-ref":
        return "The [style guide][house-style] explains the rest."
    if defect == "heading-increment":
        return "##### A heading that skips a level"
    if defect == "heading-title-h1":
        return f"# {post.title}"
    if defect == "heading-empty":
        return "##"
    if defect == "code-fence-language":
        return "```\nnpm run build\n```"
    if defect == "trailing-space":
        return sentence(rng) + "   "
    return None


def render_post(rng, post, posts, index, defect):
    fm = front_matter(rng, post, index)
    apply_front_matter_defect(defect, fm)
    size = post.size

    out = []
    if defect != "frontmatter-missing":
        out.append("---")
        fm_lines = render_front_matter(rng, fm)
        if defect == "duplicate-key":
            fm_lines.insert(1, f"title: {yaml_scalar(post.title)} (draft)")
        elif defect == "frontmatter-syntax":
            fm_lines[0] = "title: 'an unclosed quote"
        out.extend(fm_lines)
        if defect != "frontmatter-unclosed":
            out.append("---")
        out.append("")

    out.append(inline_text(rng, post, posts))
    out.append("")
    defect_text = body_defect(defect, rng, post)
    used = sum(len(line) + 1 for line in out)
    heading_index = 0
    blocks_since_heading = 1
    while used < size or heading_index < len(post.headings):
        due = used >= size * heading_index / len(post.headings)
        if heading_index < len(post.headings) and due and blocks_since_heading > 0:
            level, text, _ = post.headings[heading_index]
            heading_index += 1
            blocks_since_heading = 0
            chunk = [f"{'#' * level} {text}", ""]
            if rng.random() < 0.2:
                chunk += [inline_text(rng, post, posts), "", f"### {title_words(rng, 2, 4)}", ""]
        else:
            blocks_since_heading += 1
            chunk = [block(rng, post, posts), ""]
        if defect_text is not None and heading_index >= 2:
            chunk += [defect_text, ""]
            defect_text = None
        out.extend(chunk)
        used += sum(len(line) + 1 for line in chunk)
    if defect_text is not None:
        out += [defect_text, ""]
    text = "\n".join(out)
    if defect == "final-newline":
        text = text.rstrip("\n")
    return text


CONFIG = """\
# contentlint configuration of the benchmark corpus (written by bench/generate.py).
extends: recommended
ignore: ["node_modules/**", "dist/**"]
public-dir: public
pages-dir: src/pages
site-url: https://bench.example.org
collections:
  posts:
    include: ["src/content/posts/**/*.md"]
    schema: schemas/post.schema.yaml
    route: /blog/{slug}
    rules:
      tag/unknown:
        allowed: [%s]
      tag/required:
        groups:
          - {pattern: "^cohort[0-9]+$", min: 1, max: 1}
"""

SCHEMA = """\
# What the site's content config (z.object(...)) demands of a blog post.
$schema: https://json-schema.org/draft/2020-12/schema
title: Blog post
type: object
required: [title, pubDate, description, author, image, tags]
additionalProperties: false
properties:
  title: {type: string, minLength: 1, maxLength: 120}
  pubDate: {type: string, format: date}
  updatedDate: {type: string, format: date}
  description: {type: string, minLength: 20}
  author: {type: string}
  draft: {type: boolean}
  image:
    type: object
    required: [url, alt]
    additionalProperties: false
    properties:
      url: {type: string}
      alt: {type: string}
  tags:
    type: array
    minItems: 1
    uniqueItems: true
    items: {type: string}
"""

PAGES = {
    "index.astro": "---\nconst title = 'Home';\n---\n<h1>{title}</h1>\n",
    "about.astro": "---\n---\n<h1>About</h1>\n",
    "blog/[slug].astro": "---\nexport async function getStaticPaths() { return []; }\n---\n",
}

# A 1x1 transparent PNG.
PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c6360000002000100e221bc330000000049454e44ae426082")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="the folder to write the site into (replaced)")
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--size-mb", type=float, help="stop once the posts total this many MB")
    size.add_argument("--files", type=int, help="write exactly this many posts")
    parser.add_argument("--seed", type=int, default=20240311)
    parser.add_argument("--defect-rate", type=float, default=DEFECT_RATE,
                        help="the share of posts with one defect (0: a clean site)")
    args = parser.parse_args()
    if args.size_mb is None and args.files is None:
        args.size_mb = 10.0

    rng = random.Random(args.seed)
    # Every post is planned (slug, folder, headings, size) before any is written, so that
    # links and anchors can point forward and never break by accident.
    limit = args.size_mb * 1_000_000 if args.size_mb is not None else None
    posts = plan_posts(rng, args.files, limit)

    if os.path.exists(args.out) and os.listdir(args.out):
        # Replace only a corpus this script wrote, never some other folder given by mistake.
        marker = os.path.join(args.out, ".contentlint.yaml")
        if not os.path.isfile(marker) or "bench/generate.py" not in open(marker).read():
            sys.exit(f"generate.py: {args.out} exists and is not a generated corpus")
        shutil.rmtree(args.out)
    posts_dir = os.path.join(args.out, "src", "content", "posts")
    for folder in ("", "2023", "2024"):
        os.makedirs(os.path.join(posts_dir, folder), exist_ok=True)
    os.makedirs(os.path.join(args.out, "public", "assets"))
    os.makedirs(os.path.join(args.out, "schemas"))
    for asset in ASSETS:
        with open(os.path.join(args.out, "public", asset.lstrip("/")), "wb") as f:
            f.write(PNG)
    for name, text in PAGES.items():
        path = os.path.join(args.out, "src", "pages", name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as f:
            f.write(text)
    with open(os.path.join(args.out, ".contentlint.yaml"), "w") as f:
        f.write(CONFIG % ", ".join(TAGS + COHORTS))
    with open(os.path.join(args.out, "schemas", "post.schema.yaml"), "w") as f:
        f.write(SCHEMA)

    total = 0
    defects = 0
    for index, post in enumerate(posts):
        defect = None
        if rng.random() < args.defect_rate:
            defect = DEFECTS[defects] if defects < len(DEFECTS) else rng.choice(DEFECTS)
            defects += 1
        data = render_post(rng, post, posts, index, defect).encode("utf-8")
        with open(os.path.join(posts_dir, post.folder, post.slug + ".md"), "wb") as f:
            f.write(data)
        total += len(data)
    print(f"{args.out}: {len(posts)} posts, {total / 1e6:.2f} MB, {defects} with a defect",
          file=sys.stderr)


if __name__ == "__main__":
    main()
