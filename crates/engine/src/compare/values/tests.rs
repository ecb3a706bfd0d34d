use super::*;

fn vocab() -> Vocab {
    Vocab::new(&Profile::default_profile())
}

/// (figure, quantity, bound, value, min, max)
#[test]
fn figures_read_as_values() {
    let inf = f64::INFINITY;
    let cases: &[(&str, &str, Bound, f64, f64, f64)] = &[
        ("less than 200 sq. km", "area", Bound::Below, 200.0, 0.0, 200.0),
        ("1,300 sq. km", "area", Bound::Exact, 1300.0, 1300.0, 1300.0),
        ("about 1,300 square kilometres", "area", Bound::About, 1300.0, 1170.0, 1430.0),
        ("more than 1,100 square kilometres", "area", Bound::Above, 1100.0, 1100.0, inf),
        ("500 square miles", "area", Bound::Exact, 1294.994, 1294.994, 1294.994),
        ("nearly one-fifth", "share", Bound::Nearly, 20.0, 18.0, 20.0),
        ("roughly a fifth", "share", Bound::About, 20.0, 18.0, 22.0),
        ("more than nine-tenths", "share", Bound::Above, 90.0, 90.0, 100.0),
        ("less than half", "share", Bound::Below, 50.0, 0.0, 50.0),
        ("two-thirds", "share", Bound::Exact, 66.667, 66.667, 66.667),
        ("about 86%", "share", Bound::About, 86.0, 77.4, 94.6),
        ("86 percent", "share", Bound::Exact, 86.0, 86.0, 86.0),
        ("30-day", "duration", Bound::Exact, 30.0, 30.0, 30.0),
        ("72-hour", "duration", Bound::Exact, 3.0, 3.0, 3.0),
        ("About 30 hours", "duration", Bound::About, 1.25, 1.125, 1.375),
        ("three-day", "duration", Bound::Exact, 3.0, 3.0, 3.0),
        ("two- to three-day", "duration", Bound::Range, 2.5, 2.0, 3.0),
        ("two-to-three-day", "duration", Bound::Range, 2.5, 2.0, 3.0),
        ("10 or 12 days", "duration", Bound::Range, 11.0, 10.0, 12.0),
        ("at least 30 days", "duration", Bound::AtLeast, 30.0, 30.0, inf),
        ("within 100 days", "duration", Bound::AtMost, 100.0, 0.0, 100.0),
        ("some 2,000 km", "length", Bound::About, 2000.0, 1800.0, 2200.0),
        ("almost 2000 kilometers", "length", Bound::Nearly, 2000.0, 1800.0, 2000.0),
        ("thousands of Ukrainian troops", "troops", Bound::Several, 2000.0, 2000.0, 10000.0),
        (
            "tens of thousands of Russian and North Korean soldiers",
            "troops",
            Bound::Several,
            20000.0,
            20000.0,
            100000.0,
        ),
        ("more than 76,000 killed and wounded", "troops", Bound::Above, 76000.0, 76000.0, inf),
        ("four mainland regions", "regions", Bound::Exact, 4.0, 4.0, 4.0),
        ("two more villages", "settlements", Bound::Exact, 2.0, 2.0, 2.0),
        ("well over a thousand attack drones", "count", Bound::Above, 1000.0, 1000.0, inf),
        ("1.5 million", "count", Bound::Exact, 1_500_000.0, 1_500_000.0, 1_500_000.0),
        ("more than 4,900 times", "count", Bound::Above, 4900.0, 4900.0, inf),
        ("just under a fifth", "share", Bound::Nearly, 20.0, 18.0, 20.0),
        ("62,4 тис.", "count", Bound::Exact, 62.4, 62.4, 62.4),
        ("1 300 km", "length", Bound::Exact, 1300.0, 1300.0, 1300.0),
        ("8–10 days", "duration", Bound::Range, 9.0, 8.0, 10.0),
        ("millions, destroyed towns", "count", Bound::Several, 2e6, 2e6, 1e7),
    ];
    let v = vocab();
    let close = |a: f64, b: f64| (a - b).abs() < 0.01 || a == b;
    for &(text, q, bound, value, min, max) in cases {
        let r = v.read(text).unwrap_or_else(|| panic!("{text:?} was not read"));
        assert_eq!((r.quantity.as_str(), r.bound), (q, bound), "{text:?}: {r:?}");
        assert!(close(r.value, value) && close(r.min, min) && close(r.max, max), "{text:?}: {r:?}");
    }
    for text in ["", "no number here", "-", "%"] {
        assert_eq!(v.read(text), None, "{text:?}");
    }
}

#[test]
fn numbers_in_digits() {
    let cases = [
        ("1,300", Some(1300.0)),
        ("1,300,000", Some(1_300_000.0)),
        ("1.5", Some(1.5)),
        ("62,4", Some(62.4)),
        ("1.300.000", Some(1_300_000.0)),
        ("1,300.5", Some(1300.5)),
        ("1.300,5", Some(1300.5)),
        ("12a", None),
        ("", None),
    ];
    for (t, want) in cases {
        assert_eq!(digits_value(t), want, "{t:?}");
    }
}

/// (sentence, figure, topic, measure)
#[test]
fn measures_from_the_figures_clause() {
    let cases: &[(&str, &str, &str, Option<&str>)] = &[
        ("Ukraine currently holds less than 200 sq. km in Kursk, down from 1,300 sq. km at the peak.", "less than 200 sq. km", "kursk", Some("area_held")),
        ("Ukraine currently holds less than 200 sq. km in Kursk, down from 1,300 sq. km at the peak.", "1,300 sq. km", "kursk", Some("area_taken")),
        ("Gerasimov said that about 86% of the area Ukraine had captured in Kursk had been retaken.", "about 86%", "kursk", Some("area_retaken")),
        ("Russian troops have liberated more than 1,100 square kilometres, or 86% of the territory the enemy had seized.", "86%", "kursk", Some("area_retaken")),
        ("Ukrainian forces crossed into the Kursk region and at one point held about 1,300 sq. km.", "about 1,300 sq. km", "kursk", Some("area_taken")),
        ("Russian forces occupy nearly one-fifth of Ukraine's territory.", "nearly one-fifth", "territory", Some("territory_share")),
        ("Russian forces control about 70 percent of the Donetsk region.", "about 70 percent", "territory", None),
        ("In July, Trump gave Moscow 50 days to agree to a ceasefire or face tariffs.", "50 days", "ceasefire", Some("deadline")),
        ("Putin agreed in a phone call with Trump to halt attacks on energy infrastructure for 30 days.", "30 days", "ceasefire", Some("truce_length")),
        ("He asked whether Ukraine would use the 30 days to mobilise.", "30 days", "ceasefire", Some("truce_length")),
        ("During a call that lasted more than two hours, Putin agreed to a 30-day halt.", "more than two hours", "ceasefire", Some("talks_length")),
        ("He asked how a truce would be monitored along a front line stretching some 2,000 km.", "some 2,000 km", "ceasefire", Some("front_line")),
        ("He said that 430 servicemen had been taken prisoner.", "430 servicemen", "kursk", Some("prisoners")),
        ("Russia's General Staff put Ukraine's losses at more than 76,000 troops.", "more than 76,000 troops", "kursk", Some("losses")),
        ("Trump wrote that thousands of Ukrainian troops were surrounded.", "thousands of Ukrainian troops", "kursk", Some("encircled")),
        ("Moscow demands that Ukraine leave four regions.", "four regions", "territory", Some("regions")),
        ("Russia's defence ministry says Ukrainian forces violated the truce more than 4,900 times.", "more than 4,900 times", "ceasefire", Some("violations")),
        ("The depth of the penetration is 12 kilometres.", "12 kilometres", "kursk", None),
    ];
    let v = vocab();
    for &(sentence, figure, topic, want) in cases {
        let at = sentence.find(figure).expect("figure in sentence");
        let r = v.read(figure).expect("a value");
        let got = v.classify(&v.context(sentence), at..at + figure.len(), &r.quantity, Some(topic));
        assert_eq!(got.map(|k| v.kinds[k].id.as_str()), want, "{figure:?} in {sentence:?}");
    }
}

#[test]
fn the_clause_reaches_forty_tokens_each_way() {
    let v = vocab();
    let kind = |filler: usize| {
        let sentence = format!("Ukraine holds {}500 sq km in Kursk.", "word ".repeat(filler));
        let at = sentence.find("500").unwrap();
        let k = v.classify(&v.context(&sentence), at..at + 9, "area", Some("kursk"));
        k.map(|k| v.kinds[k].id.clone())
    };
    assert_eq!(kind(30).as_deref(), Some("area_held"));
    assert_eq!(kind(45), None);
    // A figure text of any length is read no further than its start.
    let long = format!("about 1,300 sq km {}", "and more ".repeat(10_000));
    assert_eq!(v.read(&long).map(|r| (r.quantity, r.value)), Some(("area".to_string(), 1300.0)));
}

fn claim(article: usize, source: &str, min: f64, value: f64, max: f64) -> Claim {
    Claim { article, source: (!source.is_empty()).then(|| source.to_string()), value, min, max }
}

#[test]
fn conflicts_are_values_apart_beyond_the_tolerance() {
    let inf = f64::INFINITY;
    let claims = [
        claim(0, "russia", 0.0, 200.0, 200.0),       // less than 200
        claim(1, "ukraine", 1300.0, 1300.0, 1300.0), // 1,300
        claim(1, "ukraine", 1170.0, 1300.0, 1430.0), // about 1,300
        claim(2, "ukraine", 1250.0, 1250.0, 1250.0), // 1,250
        claim(2, "russia", 180.0, 180.0, 180.0),     // 180
        claim(0, "russia", 1300.0, 1300.0, 1300.0),  // same article and source as 0
        claim(3, "us", 1100.0, 1100.0, inf),         // more than 1,100
    ];
    let got = conflicts(&claims, 0.1);
    assert_eq!(
        got,
        [(0, 1), (0, 2), (0, 3), (0, 6), (1, 4), (2, 4), (3, 4), (4, 5), (4, 6)],
        "1,300 and 1,250 agree, 180 and less than 200 agree, and claim 0 and 5 are one source in one article"
    );
    assert!(conflicts(&[], 0.1).is_empty());
    // A source the text does not name conflicts only with other articles.
    let unnamed = [
        claim(0, "", 1100.0, 1100.0, inf),
        claim(0, "russia", 259.0, 259.0, 259.0),
        claim(1, "russia", 259.0, 259.0, 259.0),
    ];
    assert_eq!(conflicts(&unnamed, 0.1), [(0, 2)]);
    // Exact values 10% apart are not a conflict; 12% are.
    assert!(
        conflicts(&[claim(0, "a", 100.0, 100.0, 100.0), claim(1, "b", 110.0, 110.0, 110.0)], 0.1).is_empty()
    );
    assert_eq!(
        conflicts(&[claim(0, "a", 100.0, 100.0, 100.0), claim(1, "b", 113.0, 113.0, 113.0)], 0.1),
        [(0, 1)]
    );
}

#[test]
fn conflicts_stay_bounded() {
    let claims: Vec<Claim> =
        (0..5000).map(|i| claim(i, "", i as f64 * 10.0, i as f64 * 10.0, i as f64 * 10.0)).collect();
    let got = conflicts(&claims, 0.1);
    assert_eq!(got.len(), MAX_CONFLICTS);
}
