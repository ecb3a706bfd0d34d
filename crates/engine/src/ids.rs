//! The engine's small typed vocabulary: party and topic ids, sets of them,
//! the eight stance labels, and how a party is tied to a sentence.
//!
//! Bare integers do not cross stage boundaries: a party is a [`PartyId`], a
//! topic a [`TopicId`], a set of topics a [`TopicSet`]. The sets are the
//! only place in the crate that shifts bits, so a profile's limit of 64
//! parties and 64 topics holds everywhere by construction.

use std::fmt;

/// A party, by its index in the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct PartyId(pub u8);

/// A topic, by its index in the profile.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct TopicId(pub u8);

impl PartyId {
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

impl TopicId {
    pub(crate) fn index(self) -> usize {
        self.0 as usize
    }
}

macro_rules! id_set {
    ($(#[$doc:meta])* $set:ident of $id:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Default, PartialEq, Eq)]
        pub(crate) struct $set(u64);

        // (Both sets share one API; not every method is used for both.)
        #[allow(dead_code)]
        impl $set {
            /// The empty set.
            pub(crate) const EMPTY: $set = $set(0);

            /// The set holding only `id`.
            pub(crate) fn of(id: $id) -> $set {
                $set(1u64 << id.0)
            }

            pub(crate) fn insert(&mut self, id: $id) {
                self.0 |= 1u64 << id.0;
            }

            pub(crate) fn contains(self, id: $id) -> bool {
                self.0 & (1u64 << id.0) != 0
            }

            pub(crate) fn is_empty(self) -> bool {
                self.0 == 0
            }

            pub(crate) fn union(self, other: $set) -> $set {
                $set(self.0 | other.0)
            }

            pub(crate) fn intersection(self, other: $set) -> $set {
                $set(self.0 & other.0)
            }

            /// The ids in the set, smallest first.
            pub(crate) fn iter(self) -> impl Iterator<Item = $id> {
                let mut bits = self.0;
                std::iter::from_fn(move || {
                    (bits != 0).then(|| {
                        let i = bits.trailing_zeros();
                        bits &= bits - 1;
                        $id(i as u8)
                    })
                })
            }

            /// The smallest id in the set.
            pub(crate) fn first(self) -> Option<$id> {
                self.iter().next()
            }

            /// Does the set hold `id` and nothing else (or nothing at all)?
            pub(crate) fn within(self, id: $id) -> bool {
                self.0 & !(1u64 << id.0) == 0
            }
        }

        impl FromIterator<$id> for $set {
            fn from_iter<I: IntoIterator<Item = $id>>(iter: I) -> $set {
                let mut s = $set::EMPTY;
                for id in iter {
                    s.insert(id);
                }
                s
            }
        }

        impl fmt::Debug for $set {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_set().entries(self.iter().map(|i| i.0)).finish()
            }
        }
    };
}

id_set!(
    /// A set of topics.
    TopicSet of TopicId
);
id_set!(
    /// A set of parties.
    PartySet of PartyId
);

/// The eight stance labels of the guidelines, in the order the grid shows
/// them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    /// Puts it forward, pushes for it.
    Proposes,
    /// Accepts, agrees, backs, welcomes.
    Supports,
    /// Agrees in principle but attaches conditions or reservations.
    Conditional,
    /// Rejects, refuses, condemns.
    Opposes,
    /// Insists on an outcome from others.
    Demands,
    /// Raises doubts or questions without a verdict.
    Questions,
    /// Deliberating, studying, undecided; taking part in talks.
    Considering,
    /// An action on the ground, not a stated position.
    Acts,
}

impl Stance {
    /// Every label, in grid order.
    pub const ALL: [Stance; 8] = [
        Stance::Proposes,
        Stance::Supports,
        Stance::Conditional,
        Stance::Opposes,
        Stance::Demands,
        Stance::Questions,
        Stance::Considering,
        Stance::Acts,
    ];

    /// The label as written in profiles and reports (`proposes`).
    pub fn name(self) -> &'static str {
        crate::profile::STANCE_LABELS[self as usize]
    }

    /// The label named `name`, if it is one.
    pub fn from_name(name: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.name() == name)
    }

    /// The label a negated cue gives: `has not accepted` opposes, `did not
    /// reject` is conditional, `is not setting any conditions` supports.
    pub(crate) fn negated(self) -> Stance {
        match self {
            Stance::Supports | Stance::Proposes => Stance::Opposes,
            Stance::Opposes => Stance::Conditional,
            Stance::Conditional => Stance::Supports,
            other => other,
        }
    }

    /// Which label wins a tie inside one cell: the lower, the stronger.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Stance::Demands => 0,
            Stance::Opposes => 1,
            Stance::Conditional => 2,
            Stance::Proposes => 3,
            Stance::Supports => 4,
            Stance::Questions => 5,
            Stance::Considering => 6,
            Stance::Acts => 7,
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// How a party is tied to a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Via {
    /// Says it: the speaker of a quote or of reported speech.
    Speaker,
    /// The source named by `according to`.
    AccordingTo,
    /// The grammatical subject of a stance or action.
    Subject,
    /// The owner of a proposal or action (`the US proposal`, `Russia's offensive`).
    Owner,
    /// The agent of a passive (`proposed by the United States`), or a
    /// partner in talks.
    Agent,
}

impl Via {
    /// The name the report uses (`speaker`, `according_to`, …).
    pub(crate) fn name(self) -> &'static str {
        match self {
            Via::Speaker => "speaker",
            Via::AccordingTo => "according_to",
            Via::Subject => "subject",
            Via::Owner => "owner",
            Via::Agent => "agent",
        }
    }
}

/// Who speaks a quote: a party (and the words that name it), or someone
/// who is none of the parties.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Speaker {
    Party(PartyId, crate::span::Span),
    Other,
}

impl Speaker {
    pub(crate) fn party(self) -> Option<(PartyId, crate::span::Span)> {
        match self {
            Speaker::Party(p, s) => Some((p, s)),
            Speaker::Other => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sets_hold_64_ids() {
        let mut s = TopicSet::EMPTY;
        for i in [0u8, 7, 8, 9, 63] {
            s.insert(TopicId(i));
        }
        assert_eq!(s.iter().map(|t| t.0).collect::<Vec<_>>(), [0, 7, 8, 9, 63]);
        assert!(s.contains(TopicId(8)) && !s.contains(TopicId(10)));
        assert!(TopicSet::of(TopicId(5)).within(TopicId(5)));
        assert!(TopicSet::EMPTY.within(TopicId(5)));
        assert!(!s.within(TopicId(0)));
        assert_eq!(s.first(), Some(TopicId(0)));
    }

    #[test]
    fn stance_names_round_trip() {
        for s in Stance::ALL {
            assert_eq!(Stance::from_name(s.name()), Some(s));
        }
        assert_eq!(Stance::Supports.negated(), Stance::Opposes);
        assert!(Stance::Demands.rank() < Stance::Acts.rank());
    }
}
