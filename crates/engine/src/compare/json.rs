//! The comparison as compact JSON, written by hand: byte for byte what
//! `serde_json::to_string` makes of it (the tests below check), so that
//! the WebAssembly build needs neither serde_json nor serde's serializers
//! to hand a comparison to JavaScript or to export it.

use super::{
    ArticleStance, CellComparison, ComparedArticle, Comparison, Conflict, EvidenceRef, FigureComparison,
    FigureGroup, FigureValue, Timeline, TimelinePoint,
};
use crate::report::json::Writer;

impl Comparison {
    /// The comparison as compact JSON: the same text as
    /// `serde_json::to_string(&comparison)`.
    pub fn to_json(&self) -> String {
        let mut w = Writer { out: String::with_capacity(4096) };
        w.comparison(self);
        w.out
    }
}

impl Writer {
    fn comparison(&mut self, c: &Comparison) {
        self.key(true, "schema");
        self.str(&c.schema);
        self.key(false, "articles");
        self.list(&c.articles, Writer::compared_article);
        self.key(false, "parties");
        self.list(&c.parties, Writer::label);
        self.key(false, "topics");
        self.list(&c.topics, Writer::label);
        self.key(false, "cells");
        self.list(&c.cells, Writer::cell_comparison);
        self.key(false, "figures");
        self.figure_comparison(&c.figures);
        self.key(false, "timeline");
        self.timeline(&c.timeline);
        self.key(false, "notices");
        self.list(&c.notices, |w, n| w.str(n));
        self.out.push('}');
    }

    fn date(&mut self, d: Option<crate::meta::Date>) {
        match d {
            Some(d) => self.str(&d.to_string()),
            None => self.out.push_str("null"),
        }
    }

    fn compared_article(&mut self, a: &ComparedArticle) {
        self.key(true, "id");
        self.opt_str(a.id.as_deref());
        self.key(false, "title");
        self.str(&a.title);
        self.key(false, "outlet");
        self.opt_str(a.outlet.as_deref());
        self.key(false, "date");
        self.date(a.date);
        self.key(false, "label");
        self.str(&a.label);
        self.key(false, "notices");
        self.list(&a.notices, |w, n| w.str(n));
        self.out.push('}');
    }

    fn cell_comparison(&mut self, c: &CellComparison) {
        self.key(true, "party");
        self.str(&c.party);
        self.key(false, "topic");
        self.str(&c.topic);
        self.key(false, "verdict");
        self.str(c.verdict.name());
        self.key(false, "covered");
        self.num(c.covered);
        self.key(false, "by_article");
        self.list(&c.by_article, |w, s| match s {
            Some(s) => w.article_stance(s),
            None => w.out.push_str("null"),
        });
        self.key(false, "timeline");
        self.list(&c.timeline, Writer::timeline_point);
        self.out.push('}');
    }

    fn article_stance(&mut self, s: &ArticleStance) {
        self.key(true, "stance");
        self.str(&s.stance);
        self.key(false, "summary");
        self.str(&s.summary);
        self.key(false, "evidence");
        self.list(&s.evidence, Writer::evidence_ref);
        self.out.push('}');
    }

    fn evidence_ref(&mut self, e: &EvidenceRef) {
        self.key(true, "sentence");
        self.num(e.sentence);
        self.key(false, "text");
        self.str(&e.text);
        self.key(false, "stance");
        self.opt_str(e.stance.as_deref());
        self.key(false, "speaker");
        self.opt_str(e.speaker.as_deref());
        self.out.push('}');
    }

    fn figure_comparison(&mut self, f: &FigureComparison) {
        self.key(true, "tolerance");
        self.float(f.tolerance);
        self.key(false, "groups");
        self.list(&f.groups, Writer::figure_group);
        self.out.push('}');
    }

    fn figure_group(&mut self, g: &FigureGroup) {
        self.key(true, "topic");
        self.opt_str(g.topic.as_deref());
        self.key(false, "measure");
        self.opt_str(g.measure.as_deref());
        self.key(false, "label");
        self.str(&g.label);
        self.key(false, "quantity");
        self.str(&g.quantity);
        self.key(false, "unit");
        self.str(&g.unit);
        self.key(false, "values");
        self.list(&g.values, Writer::figure_value);
        self.key(false, "conflicts");
        self.list(&g.conflicts, Writer::conflict);
        self.out.push('}');
    }

    fn figure_value(&mut self, v: &FigureValue) {
        self.key(true, "article");
        self.num(v.article);
        self.key(false, "figure");
        self.num(v.figure);
        self.key(false, "sentence");
        self.num(v.sentence);
        self.key(false, "text");
        self.str(&v.text);
        self.key(false, "source");
        self.opt_str(v.source.as_deref());
        self.key(false, "bound");
        self.str(v.bound.name());
        self.key(false, "value");
        self.opt_float(v.value);
        self.key(false, "min");
        self.opt_float(v.min);
        self.key(false, "max");
        self.opt_float(v.max);
        self.key(false, "display");
        self.str(&v.display);
        self.out.push('}');
    }

    fn conflict(&mut self, c: &Conflict) {
        self.key(true, "a");
        self.num(c.a);
        self.key(false, "b");
        self.num(c.b);
        self.out.push('}');
    }

    fn timeline(&mut self, t: &Timeline) {
        self.key(true, "order");
        self.list(&t.order, |w, &i| w.num(i));
        self.key(false, "undated");
        self.list(&t.undated, |w, &i| w.num(i));
        self.key(false, "assumed_year");
        match t.assumed_year {
            Some(y) => self.num(usize::from(y)),
            None => self.out.push_str("null"),
        }
        self.out.push('}');
    }

    fn timeline_point(&mut self, p: &TimelinePoint) {
        self.key(true, "article");
        self.num(p.article);
        self.key(false, "date");
        self.date(Some(p.date));
        self.key(false, "stance");
        self.opt_str(p.stance.as_deref());
        self.key(false, "changed");
        self.out.push_str(if p.changed { "true" } else { "false" });
        self.out.push('}');
    }

    fn opt_float(&mut self, v: Option<f64>) {
        match v {
            Some(v) => self.float(v),
            None => self.out.push_str("null"),
        }
    }

    /// A number as serde_json writes an `f64`: the shortest digits that
    /// read back as the same number (where 16 or 17 digits are needed,
    /// the last may differ from serde_json's on a tie; the number read
    /// back never does), `.0` on whole numbers,
    /// an exponent (`1e+16`, `1e-7`) outside 1e-5 … 1e16; `null` when it
    /// is not finite.
    fn float(&mut self, v: f64) {
        if !v.is_finite() {
            self.out.push_str("null");
            return;
        }
        // `{:e}` gives the same shortest digits: `-1.234e5`, `2e-7`, `0e0`.
        let e = format!("{v:e}");
        let (mantissa, exp) = e.split_once('e').unwrap_or((&e, "0"));
        let exp: isize = exp.parse().unwrap_or(0);
        let (sign, mantissa) = match mantissa.strip_prefix('-') {
            Some(m) => ("-", m),
            None => ("", mantissa),
        };
        let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
        let length = digits.len() as isize;
        // The value is 0.digits × 10^kk.
        let kk = exp + 1;
        self.out.push_str(sign);
        if v == 0.0 {
            self.out.push_str("0.0");
        } else if kk >= length && kk <= 16 {
            self.out.push_str(&digits);
            self.out.extend(std::iter::repeat_n('0', (kk - length) as usize));
            self.out.push_str(".0");
        } else if 0 < kk && kk <= 16 {
            self.out.push_str(&digits[..kk as usize]);
            self.out.push('.');
            self.out.push_str(&digits[kk as usize..]);
        } else if -5 < kk && kk <= 0 {
            self.out.push_str("0.");
            self.out.extend(std::iter::repeat_n('0', (-kk) as usize));
            self.out.push_str(&digits);
        } else {
            self.out.push_str(&digits[..1]);
            if length > 1 {
                self.out.push('.');
                self.out.push_str(&digits[1..]);
            }
            // (`e+16`, `e-7`: serde_json writes the sign, as JavaScript does.)
            self.out.push_str(if kk > 1 { "e+" } else { "e" });
            self.out.push_str(&(kk - 1).to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Writer;
    use crate::{analyze, compare, Article, Profile};

    #[test]
    fn numbers_as_serde_json_writes_them() {
        let mut values = vec![
            0.0,
            -0.0,
            0.05,
            0.1,
            1.0,
            -1.5,
            200.0,
            1300.0,
            1e15,
            1e16,
            1.5e16,
            1e17,
            1e21,
            1.234e33,
            1e-5,
            1.5e-5,
            1e-4,
            0.000123,
            1e-7,
            2.5e-300,
            f64::MAX,
            f64::MIN_POSITIVE,
            5e-324,
            123456789.125,
            1.0 / 3.0,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
        ];
        // And a spread of others, reproducibly.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            values.push(f64::from_bits(x));
            values.push((x % 100_000_000) as f64 / 1000.0);
        }
        for v in values {
            let mut w = Writer { out: String::new() };
            w.float(v);
            let theirs = serde_json::to_string(&v).unwrap();
            if w.out != theirs {
                // With 16 or 17 digits, two shortest forms may be equally
                // near the number and both read back as it: the last digit
                // may differ, the number never does.
                assert_eq!(w.out.len(), theirs.len(), "{v:e}: {} vs {theirs}", w.out);
                assert!(
                    w.out.bytes().filter(u8::is_ascii_digit).count() >= 16,
                    "{v:e}: {} vs {theirs}",
                    w.out
                );
                assert_eq!(w.out.parse::<f64>().unwrap(), theirs.parse::<f64>().unwrap(), "{v:e}");
            }
        }
    }

    #[test]
    fn writes_what_serde_json_writes() {
        let profile = Profile::default_profile();
        let texts = [
            "Moscow backs the truce\nMOSCOW, March 13 (Reuters) - The Kremlin backed the truce. \
             Russian forces hold about 1,300 sq km, officials said.",
            "Moscow rejects the truce\nMOSCOW, March 14 (AP) - The Kremlin rejected the truce. \
             Ukraine said Russia held less than 200 sq. km and \"nearly\" 2\u{2013}3 days of fighting.",
            "Kyiv's view\nKYIV, 2024-03-15 - Zelensky rejected any plan to cede territory; \
             the US backed the ceasefire, Washington said.\n\nMore than 3,000 troops, 45% of the area.",
            include_str!("../../tests/data/figures.txt"),
            "",
        ];
        let reports: Vec<_> = texts.iter().map(|t| analyze(t, &profile)).collect();
        let mut articles: Vec<Article> =
            texts.iter().zip(&reports).map(|(t, r)| Article::new(t, r, &profile)).collect();
        articles[0].id = Some("a.txt".into());
        for n in 0..=articles.len() {
            let c = compare(&articles[..n], &profile);
            assert_eq!(c.to_json(), serde_json::to_string(&c).unwrap());
        }
        let many: Vec<Article> =
            (0..super::super::MAX_ARTICLES + 2).map(|i| articles[i % 3].clone()).collect();
        let c = compare(&many, &profile);
        assert_eq!(c.to_json(), serde_json::to_string(&c).unwrap());
    }
}
