//! Closing elements: an end tag closes the nearest open element of its
//! name (and those above it), a start tag closes what it implies, and a box
//! that closes is decided kept or boilerplate.

use super::{name_key, Builder, Drop, Open, LOOKBACK, NONE};
use crate::html::meta::Slot;
use crate::html::tags::{self, BlockKind, Role};
use crate::html::Removed;

impl Builder {
    /// Close what a start tag implies: an open `li` before the next, a
    /// `td` before the next cell, an `a` before another link, a heading
    /// before a heading, an open `p` before any block. Only among the top
    /// [`LOOKBACK`] elements, and not across the container that bounds it
    /// (`ul` for `li`) or, for `p`, across any box.
    pub(super) fn close_implied(&mut self, name: &str, role: Role, at: usize) {
        let is = |n: &str| name.eq_ignore_ascii_case(n);
        let (targets, stops): (&[&str], &[&str]) = if is("li") {
            (&["li"], &["ul", "ol", "menu"])
        } else if is("dt") || is("dd") {
            (&["dt", "dd"], &["dl"])
        } else if is("tr") {
            (&["tr"], &["table", "tbody", "thead", "tfoot"])
        } else if is("td") || is("th") {
            (&["td", "th"], &["tr", "table"])
        } else if is("option") || is("optgroup") {
            (&["option"], &["select", "datalist"])
        } else if is("a") {
            (&["a"], &[])
        } else {
            (&[], &[])
        };
        if !targets.is_empty() {
            self.close_nearest(targets, |o| stops.contains(&tags::name_of(o.tag)), at);
        }
        if let Role::Para(BlockKind::Heading(_)) = role {
            if self.top().is_some_and(|o| matches!(tags::role_of(o.tag), Role::Para(BlockKind::Heading(_)))) {
                self.pop_to(self.stack.len() - 1, at, false);
            }
        }
        if matches!(role, Role::Container | Role::Para(_)) {
            self.close_nearest(&["p"], |o| tags::role_of(o.tag) != Role::Inline, at);
        }
    }

    /// Close the nearest open element named in `targets` (and those above
    /// it), unless an element that `stops` comes first.
    fn close_nearest(&mut self, targets: &[&str], stops: impl Fn(&Open) -> bool, at: usize) {
        let depth = self.stack.len();
        for k in (depth.saturating_sub(LOOKBACK)..depth).rev() {
            let o = &self.stack[k];
            if targets.contains(&tags::name_of(o.tag)) {
                self.pop_to(k, at, false);
                return;
            }
            if stops(o) {
                return;
            }
        }
    }

    pub(super) fn end(&mut self, name: &str, at: usize) {
        match tags::known(name) {
            Some(k) if k.role == Role::Ignored => {}
            Some(_) if name.eq_ignore_ascii_case("br") => {
                if self.discard == 0 {
                    self.newline();
                }
            }
            Some(k) => {
                if self.open[k.index] == 0 {
                    // `</p>` with no `p` open still ends a paragraph.
                    if name.eq_ignore_ascii_case("p") {
                        self.flush();
                    }
                    return;
                }
                if let Some(pos) = self.stack.iter().rposition(|o| o.tag == k.index) {
                    self.pop_to(pos, at, true);
                }
            }
            None => {
                let key = name_key(name);
                let depth = self.stack.len();
                if let Some(pos) = (depth.saturating_sub(LOOKBACK)..depth)
                    .rev()
                    .find(|&i| self.stack[i].tag == tags::KNOWN && self.stack[i].key == key)
                {
                    self.pop_to(pos, at, true);
                }
            }
        }
    }

    /// Close open elements down to (and including) the one at `depth`; it
    /// was closed by its own end tag when `explicit`.
    pub(super) fn pop_to(&mut self, depth: usize, at: usize, explicit: bool) {
        while self.stack.len() > depth {
            let Some(open) = self.stack.pop() else { break };
            let own = explicit && self.stack.len() == depth;
            self.close(open, at, own);
        }
    }

    fn close(&mut self, e: Open, at: usize, explicit: bool) {
        if e.tag < tags::KNOWN {
            self.open[e.tag] = self.open[e.tag].saturating_sub(1);
        }
        if self.discard > 0 && !matches!(e.drop, Drop::Now(_)) {
            return; // structure inside dropped markup
        }
        if e.quote && explicit {
            self.push_char('\u{201d}');
        }
        if e.boundary {
            self.flush();
        }
        if e.link {
            self.links = self.links.saturating_sub(1);
        }
        if e.pre {
            self.pre = self.pre.saturating_sub(1);
        }
        let blocks = self.out.blocks.len() as u32;
        if e.heading1 {
            if let Some(last) = self.out.blocks.last().filter(|_| blocks > e.blocks) {
                if last.kind == BlockKind::Heading(1) && last.link_chars * 2 <= last.chars {
                    self.h1s += 1;
                }
            }
        }
        if e.record != NONE {
            self.out.records[e.record as usize].end_block = blocks;
        }
        if let Some((depth, from, first)) = self.byline {
            if depth == self.stack.len() {
                self.byline = None;
                let text = if first == blocks {
                    &self.out.buf[from as usize..]
                } else {
                    let b = &self.out.blocks[first as usize];
                    &self.out.buf[b.start as usize..b.end as usize]
                };
                if (3..=120).contains(&text.trim().chars().count()) {
                    let text = text.trim().to_owned();
                    self.out.meta.set(Slot::BylineText, &text);
                }
            }
        }
        let bytes = (at.saturating_sub(e.start as usize)).min(u32::MAX as usize) as u32;
        match e.drop {
            Drop::Keep => {}
            Drop::Now(kind) => {
                self.discard -= 1;
                if let Some(kind) = kind {
                    self.out.log.push((kind, bytes));
                }
            }
            Drop::Unless(kind) => {
                let holds_article = self.h1s > e.h1s
                    || self.anchors > e.anchors
                    || (kind == Removed::Forms && self.chars - e.chars >= 500);
                if !holds_article {
                    for b in &mut self.out.blocks[e.blocks as usize..] {
                        b.removed = true;
                    }
                    // What it held is counted as part of it.
                    self.out.log.truncate(e.log as usize);
                    self.out.log.push((kind, bytes));
                }
            }
        }
    }
}
