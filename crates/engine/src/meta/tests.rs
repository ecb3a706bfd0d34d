use super::*;

fn detect(text: &str) -> ArticleMeta {
    ArticleMeta::detect(text, &Profile::default_profile())
}

fn date(s: &str) -> Option<Date> {
    Some(s.parse().unwrap())
}

#[test]
fn dates_print_and_parse_in_iso_form() {
    assert_eq!(Date::new(Some(2025), 3, 13).unwrap().to_string(), "2025-03-13");
    assert_eq!(Date::new(None, 3, 13).unwrap().to_string(), "--03-13");
    assert_eq!("2025-03-13".parse::<Date>().unwrap(), Date::new(Some(2025), 3, 13).unwrap());
    assert_eq!("--02-29".parse::<Date>().unwrap(), Date::new(None, 2, 29).unwrap());
    for bad in
        ["2025-02-29", "2025-13-01", "2025-3-13", "13.03.2025", "", "--13-01", "2025-03-1x", "२०२५-03-13"]
    {
        assert!(bad.parse::<Date>().is_err(), "{bad:?}");
    }
    assert!("2024-02-29".parse::<Date>().is_ok(), "a leap year");
    let err = "March 13".parse::<Date>().unwrap_err().to_string();
    assert!(err.contains("YYYY-MM-DD"), "{err}");
    assert!(Date::new(None, 3, 13) < Date::new(Some(1000), 1, 1), "no year sorts first");
}

/// (text, title, outlet, date) for the forms news text gives them in.
#[test]
fn titles_outlets_and_dates_from_the_first_lines() {
    let cases: &[(&str, &str, Option<&str>, Option<&str>)] = &[
        (
            "Putin backs truce\nBy Wire Staff\nMOSCOW, March 13 (Reuters) - Putin said on Thursday that…",
            "Putin backs truce",
            Some("Reuters"),
            Some("--03-13"),
        ),
        (
            "KYIV (AP) — Ukraine's president said on Friday that Kyiv would accept the truce. More text.",
            "Ukraine's president said on Friday that Kyiv would accept the truce.",
            Some("AP"),
            None,
        ),
        (
            "WASHINGTON, 14 March 2025 /TASS/. The US envoy arrived in Moscow.",
            "The US envoy arrived in Moscow.",
            Some("TASS"),
            Some("2025-03-14"),
        ),
        ("Truce talk\nBy Jane Doe, Reuters\nText.", "Truce talk", Some("Reuters"), None),
        ("Truce talk\nBy Jane Doe, Diplomatic Correspondent\nText.", "Truce talk", None, None),
        ("Truce talk\nBy Reuters Staff\nText.", "Truce talk", Some("Reuters"), None),
        ("Truce talk\nPublished 13 March 2025\nText.", "Truce talk", None, Some("2025-03-13")),
        ("Truce talk\nUpdated: 2025-03-13 10:42\nText.", "Truce talk", None, Some("2025-03-13")),
        (
            "Truce talk\nUpdated: 2025-03-14 10:42\nPublished: 13 March 2025\nText.",
            "Truce talk",
            None,
            Some("2025-03-13"),
        ),
        (
            "Zelenskyy speaks\nThursday, 13 March 2025, 22:40\nText.",
            "Zelenskyy speaks",
            None,
            Some("2025-03-13"),
        ),
        ("One call\nWednesday 19 March 2025\nText.", "One call", None, Some("2025-03-19")),
        ("Brief\nWednesday 20 August 2025 | Our weekly newsletter\nText.", "Brief", None, Some("2025-08-20")),
        ("Assessment\nMarch 13, 2025, 7:30pm ET\nText.", "Assessment", None, Some("2025-03-13")),
        (
            "Dignity\nIryna Kovalchuk — 21 November 2025, 21:40\nUpdated: 25 November 2025, 11:05\nText.",
            "Dignity",
            None,
            Some("2025-11-21"),
        ),
        (
            "Putin on the truce\nBISHKEK, November 27 /RNA/ — The proposals could form the basis.",
            "Putin on the truce",
            Some("RNA"),
            Some("--11-27"),
        ),
        ("Talks\nMOSCOW, Aug. 14 (Wire) -- Putin said.", "Talks", Some("Wire"), Some("--08-14")),
        ("Demands\nJune 3 (Reuters) - Delegations met.", "Demands", Some("Reuters"), Some("--06-03")),
        ("Sanctions\nPARIS, 27 March — Leaders met.", "Sanctions", None, Some("--03-27")),
        ("Latest\nISTANBUL (AP) — Delegations met.", "Latest", Some("AP"), None),
        ("Analysis\nWASHINGTON — For a few days this month it looked different.", "Analysis", None, None),
        ("Kyiv talks\n25.03.2025 22:47\nText.", "Kyiv talks", None, Some("2025-03-25")),
        ("PUTIN BACKS TRUCE - REPORT\nText.", "PUTIN BACKS TRUCE - REPORT", None, None),
        ("# Truce talk\n\n_By Jane Doe, Reuters_\nText.", "Truce talk", Some("Reuters"), None),
        ("KYIV, Ukraine (AP) — Text here.", "Text here.", Some("AP"), None),
    ];
    for &(text, title, outlet, d) in cases {
        let m = detect(text);
        assert_eq!(m.title, title, "title of {text:?}");
        assert_eq!(m.outlet.as_deref(), outlet, "outlet of {text:?}");
        assert_eq!(m.date, d.and_then(date), "date of {text:?}");
    }
}

/// Better no outlet or date than a wrong one.
#[test]
fn sentences_that_mention_dates_or_outlets_give_none() {
    let cases = [
        "Russian Offensive Campaign Assessment, March 13, 2025\nKey Takeaways:",
        "Putin at a news conference in Moscow, March 13, 2025\nText.",
        "Here is the situation on Wednesday, March 19, 2025:\nText.",
        "Update 3/12/25, 11:45 a.m. ET: This article was updated.",
        "VLADIMIR PUTIN, at a news conference in Moscow\nText.",
        "WHITE HOUSE: TRUMP'S PEACE PLAN IS GOOD\nZELENSKY: WE WILL NOT BETRAY UKRAINE",
        "Russia said (in a statement) - nothing.",
        "By the end of the month Reuters reported it.\nText.",
        "The war began on 24 February 2022, Reuters said.",
        "May 2025 - a review",
        "NEWS (updated 13 March) — text",
    ];
    for text in cases {
        let m = detect(text);
        assert_eq!((m.outlet.as_deref(), m.date), (None, None), "{text:?}");
    }
}

#[test]
fn long_lines_are_read_in_linear_time() {
    let byline = format!("By A{}", ", B".repeat(500_000));
    let started = std::time::Instant::now();
    let m = detect(&format!("Title\n{byline}\nMOSCOW, March 13 (Reuters) - {}", "word ".repeat(200_000)));
    assert_eq!(
        (m.outlet.as_deref(), m.date.map(|d| d.to_string())),
        (Some("Reuters"), Some("--03-13".into()))
    );
    assert!(started.elapsed().as_secs() < 10, "{:?}", started.elapsed());
}

#[test]
fn titles_are_headlines_or_the_first_sentence_cut() {
    assert_eq!(detect("").title, "");
    assert_eq!(detect("\n\n  \n").title, "");
    let long = "Russian President Vladimir Putin has indicated that Russia supports a US proposal for a ceasefire in Ukraine in principle, while asking for many clarifications on monitoring and terms. However, more.";
    let t = detect(long).title;
    assert!(t.ends_with('…') && t.chars().count() <= TITLE_CHARS, "{t}");
    assert!(t.starts_with("Russian President Vladimir Putin has indicated"), "{t}");
    assert_eq!(detect("Mr. Putin spoke. Then more.").title, "Mr. Putin spoke.");
    assert_eq!(detect("Talks with the U.S. end. Then more.").title, "Talks with the U.S. end.");
    assert_eq!(detect("Will the truce hold?\nText.").title, "Will the truce hold?");
}
