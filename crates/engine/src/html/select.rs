//! Choosing the article body among the containers the pass recorded.
//!
//! What the page says first: the element marked `itemprop="articleBody"`,
//! else the `<article>` (the largest, or the box around several comparable
//! ones, as in a live blog), else `<main>`, each only when it holds a fair
//! share of the page's paragraph text. Else the container with the most
//! paragraph text and fewest links, scored as Readability does (a
//! paragraph counts fully for its container, half for the parent, less
//! further up), together with sibling boxes that score nearly as well. A
//! page with little paragraph text (a fragment, a pasted snippet) is kept
//! whole, less its boilerplate.
//!
//! Inside the body, short blocks that are mostly links ("Read more: …"
//! lists) and ad labels are dropped; the headline is kept even when it
//! sits above the body's container.

use super::build::{Block, Build};
use super::tags::BlockKind;
use super::{BodySource, Removed};

/// Below this much paragraph text (in characters) the page is kept whole.
const LITTLE_TEXT: f64 = 140.0;
/// A marked element is the body when it holds this many characters of
/// paragraph text, or a quarter of the page's.
const ENOUGH_TEXT: f64 = 500.0;
/// At most this many `<article>` elements are weighed against each other.
const MAX_ARTICLES: usize = 256;

/// What becomes of a block.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Fate {
    /// Part of the article.
    Keep,
    /// Outside the article body.
    Outside,
    /// Removed as boilerplate, and counted as such.
    Dropped,
}

/// The blocks kept and what else was removed on the way.
pub(super) struct Choice {
    pub fate: Vec<Fate>,
    pub body: BodySource,
    /// Removals found here: lists of links, ad labels (kind, count, bytes).
    pub removed: Vec<(Removed, usize, usize)>,
}

/// A block's paragraph text: its characters outside links, when it reads
/// like a paragraph (not a heading, 25 characters or more, at most half
/// of them links).
fn weight(b: &Block) -> f64 {
    if b.removed || b.chars < 25 || b.link_chars * 2 > b.chars || matches!(b.kind, BlockKind::Heading(_)) {
        0.0
    } else {
        f64::from(b.chars - b.link_chars)
    }
}

// (Over 80 lines: Readability's scoring as one computation over the container tree (mass, characters, links, score per container, then the best), whose arrays each step shares.)
pub(super) fn choose(build: &Build) -> Choice {
    let (blocks, records) = (&build.blocks, &build.records);
    let n = records.len();
    let parent = |r: usize| records[r].parent as usize;
    // Paragraph text, characters and link characters in each container's
    // tree; Readability's score from its paragraphs and those below.
    let (mut mass, mut chars, mut links, mut score) =
        (vec![0.0; n], vec![0.0; n], vec![0.0; n], vec![0.0; n]);
    for b in blocks.iter().filter(|b| !b.removed) {
        let r = b.record as usize;
        let w = weight(b);
        mass[r] += w;
        chars[r] += f64::from(b.chars);
        links[r] += f64::from(b.link_chars);
        let mut up = r;
        for level in 0..5 {
            score[up] += w / [1.0, 2.0, 6.0, 9.0, 12.0][level];
            if up == 0 {
                break;
            }
            up = parent(up);
        }
    }
    for r in (1..n).rev() {
        let p = parent(r);
        mass[p] += mass[r];
        chars[p] += chars[r];
        links[p] += links[r];
    }
    let total = mass[0];
    let fair_share = |r: usize| mass[r] >= ENOUGH_TEXT || mass[r] * 4.0 >= total;
    let largest = |pick: &dyn Fn(usize) -> bool| {
        (0..n)
            .filter(|&r| pick(r) && mass[r] > 0.0)
            .max_by(|&a, &b| mass[a].total_cmp(&mass[b]).then(b.cmp(&a)))
    };

    let mut keep = vec![false; blocks.len()];
    let mark = |r: usize, keep: &mut [bool]| {
        for i in records[r].first_block as usize..records[r].end_block as usize {
            keep[i] = !blocks[i].removed;
        }
    };
    let marked = if total < LITTLE_TEXT {
        None
    } else if let Some(r) = largest(&|r| records[r].article_body).filter(|&r| fair_share(r)) {
        Some((r, BodySource::ArticleBody))
    } else if let Some(r) = articles(build, &mass).filter(|&r| fair_share(r)) {
        Some((r, BodySource::Article))
    } else {
        largest(&|r| records[r].main).filter(|&r| fair_share(r)).map(|r| (r, BodySource::Main))
    };
    // The container the body is (or the one around the body's boxes).
    let mut chosen = 0;
    let body = match marked {
        Some((r, body)) => {
            mark(r, &mut keep);
            chosen = r;
            body
        }
        None if total < LITTLE_TEXT => BodySource::Whole,
        None => {
            let factor = |r: usize| match records[r].hint {
                h if h > 0 => 1.25,
                h if h < 0 => 0.6,
                _ => 1.0,
            };
            let fin: Vec<f64> = (0..n)
                .map(
                    |r| if chars[r] > 0.0 { score[r] * (1.0 - links[r] / chars[r]) * factor(r) } else { 0.0 },
                )
                .collect();
            let best = (0..n).max_by(|&a, &b| fin[a].total_cmp(&fin[b]).then(b.cmp(&a))).unwrap_or(0);
            mark(best, &mut keep);
            chosen = best;
            if best != 0 {
                // Siblings that score nearly as well (an article split into
                // several boxes), and good paragraphs directly beside it.
                let p = parent(best);
                let bar = (fin[best] * 0.2).max(10.0);
                for c in (1..n).filter(|&c| c != best && parent(c) == p && fin[c] >= bar) {
                    mark(c, &mut keep);
                    chosen = p;
                }
                let (from, to) = (records[p].first_block as usize, records[p].end_block as usize);
                for i in from..to {
                    let b = &blocks[i];
                    let text = &build.buf[b.start as usize..b.end as usize];
                    let density = f64::from(b.link_chars) / f64::from(b.chars.max(1));
                    let sentence = b.link_chars == 0
                        && b.chars >= 25
                        && text.ends_with(['.', '!', '?', '"', '\u{201d}']);
                    if b.record as usize == p && !b.removed && ((b.chars >= 80 && density < 0.25) || sentence)
                    {
                        keep[i] = true;
                        chosen = p;
                    }
                }
            }
            BodySource::Densest
        }
    };
    if body == BodySource::Whole {
        for (k, b) in keep.iter_mut().zip(blocks) {
            *k = !b.removed;
        }
    } else {
        // The box around the body, when it adds little text of its own:
        // the headline, standfirst, byline and dateline often sit there.
        let (mut kept_mass, mut kept_chars, mut kept_links) = (0.0, 0.0, 0.0);
        for (b, _) in blocks.iter().zip(&keep).filter(|(_, &k)| k) {
            kept_mass += weight(b);
            kept_chars += f64::from(b.chars);
            kept_links += f64::from(b.link_chars);
        }
        // First the chosen box itself (when only some of its boxes were
        // kept), then the one around it; never the whole page. "Little":
        // under a third more paragraph text, half more text, and almost no
        // more links (a column of links beside the body is not its frame).
        let mut target = chosen;
        for _ in 0..2 {
            let adds_little = mass[target] - kept_mass <= 0.3 * kept_mass
                && chars[target] - kept_chars <= 0.5 * kept_chars
                && links[target] - kept_links <= 0.05 * kept_chars;
            if target == 0 || !adds_little {
                break;
            }
            mark(target, &mut keep);
            (kept_mass, kept_chars, kept_links) = (mass[target], chars[target], links[target]);
            target = parent(target);
        }
    }
    let mut fate: Vec<Fate> = blocks
        .iter()
        .zip(&keep)
        .map(|(b, &k)| match (b.removed, k) {
            (true, _) => Fate::Dropped,
            (false, true) => Fate::Keep,
            (false, false) => Fate::Outside,
        })
        .collect();
    if body == BodySource::Whole {
        return Choice { fate, body, removed: Vec::new() };
    }

    let (mut lists, mut list_bytes, mut ads, mut ad_bytes) = (0, 0, 0, 0);
    let mut in_list = false;
    for (i, b) in blocks.iter().enumerate() {
        if fate[i] != Fate::Keep {
            in_list = false;
            continue;
        }
        let text = &build.buf[b.start as usize..b.end as usize];
        let linky = !matches!(b.kind, BlockKind::Heading(_))
            && b.link_chars * 2 > b.chars
            && (b.kind == BlockKind::Item || b.chars < 200);
        if linky {
            fate[i] = Fate::Dropped;
            lists += usize::from(!in_list);
            list_bytes += text.len();
        } else if is_ad_label(text) {
            fate[i] = Fate::Dropped;
            ads += 1;
            ad_bytes += text.len();
        }
        in_list = linky;
    }
    // The headline, when it sits above the body's container.
    let is_headline =
        |b: &Block| b.kind == BlockKind::Heading(1) && !b.removed && b.link_chars * 2 <= b.chars;
    if let Some(first) = fate.iter().position(|&f| f == Fate::Keep) {
        if !blocks.iter().zip(&fate).any(|(b, &f)| f == Fate::Keep && is_headline(b)) {
            if let Some(h) = blocks[..first].iter().rposition(is_headline) {
                fate[h] = Fate::Keep;
            }
        }
    }
    let mut removed = Vec::new();
    if lists > 0 {
        removed.push((Removed::LinkLists, lists, list_bytes));
    }
    if ads > 0 {
        removed.push((Removed::Ads, ads, ad_bytes));
    }
    Choice { fate, body, removed }
}

/// The `<article>` that is the body: the one with most paragraph text if
/// it has most of all articles' text; else (a live blog, where each post
/// is an article) the smallest container holding every article with a
/// fifth of the largest one's text.
fn articles(build: &Build, mass: &[f64]) -> Option<usize> {
    let records = &build.records;
    let found: Vec<usize> = (0..records.len())
        .filter(|&r| records[r].outer_article && mass[r] > 0.0)
        .take(MAX_ARTICLES)
        .collect();
    let &largest = found.iter().max_by(|&&a, &&b| mass[a].total_cmp(&mass[b]).then(b.cmp(&a)))?;
    let sum: f64 = found.iter().map(|&r| mass[r]).sum();
    if mass[largest] * 10.0 >= sum * 6.0 {
        return Some(largest);
    }
    let mut lca = largest;
    for &r in found.iter().filter(|&&r| mass[r] * 5.0 >= mass[largest]) {
        let mut other = r;
        while lca != other {
            let (dl, dr) = (records[lca].depth, records[other].depth);
            if dl >= dr {
                lca = records[lca].parent as usize;
            }
            if dr >= dl {
                other = records[other].parent as usize;
            }
        }
    }
    Some(lca)
}

/// A line that only labels an ad or a break in the text.
fn is_ad_label(text: &str) -> bool {
    if text.len() > 60 {
        return false;
    }
    let t = text.trim().trim_end_matches([':', '.']).to_ascii_lowercase();
    matches!(
        t.as_str(),
        "advertisement"
            | "advertising"
            | "ad"
            | "sponsored"
            | "sponsored content"
            | "skip advertisement"
            | "scroll to continue"
            | "scroll to continue with content"
            | "continue reading below"
            | "story continues below advertisement"
            | "article continues below"
            | "article continues below advertisement"
            | "реклама"
            | "Реклама"
            | "РЕКЛАМА"
            | "anzeige"
            | "publicité"
            | "publicitÉ"
    )
}
