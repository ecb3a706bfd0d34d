//! The widget's own words in English, Russian and Ukrainian: one table,
//! and how the language of the interface is chosen.
//!
//! Every phrase the widget shows (headings, buttons, labels, stance names,
//! the built-in parties' and topics' labels, status lines and messages) is
//! a row of [`strings!`]: a [`Key`] and its English, Russian and Ukrainian
//! text. A row cannot leave a language out (it does not compile), and the
//! tests check that no text is empty and that every language of a row has
//! the same placeholders. Placeholders are `{0}`, `{1}`…, filled by
//! [`Ui::fill`]; a row whose forms are split by `|` is a count, its forms
//! chosen by [`Ui::count`] (English: one, other; Russian and Ukrainian:
//! one, few, many).
//!
//! The report itself is not translated: party and topic ids, stance ids
//! and the engine's notices stay as the engine wrote them; only what the
//! widget shows of them changes.

/// A language of the interface.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Ui {
    /// English.
    #[default]
    En,
    /// Russian.
    Ru,
    /// Ukrainian.
    Uk,
}

impl Ui {
    /// Every interface language, English first.
    pub const ALL: [Ui; 3] = [Ui::En, Ui::Ru, Ui::Uk];

    /// The language tag (`en`, `ru`, `uk`), for the `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Ui::En => "en",
            Ui::Ru => "ru",
            Ui::Uk => "uk",
        }
    }

    /// The interface language of a language tag (`ru`, `uk-UA`, `en_GB`;
    /// any case), if it is one of the three.
    pub fn from_tag(tag: &str) -> Option<Ui> {
        let primary = tag.trim().split(['-', '_']).next().unwrap_or("");
        Ui::ALL.into_iter().find(|u| u.code().eq_ignore_ascii_case(primary))
    }

    /// The text of `key` in this language.
    pub fn get(self, key: Key) -> &'static str {
        TABLE[key as usize][self as usize]
    }

    /// The text of `key` with `{0}`, `{1}`… replaced by `args`.
    pub fn fill(self, key: Key, args: &[&str]) -> String {
        fill(self.get(key), args)
    }

    /// The form of the count row `key` for `n`, with `{0}` replaced by `n`.
    pub fn count(self, key: Key, n: usize) -> String {
        let forms: Vec<&str> = self.get(key).split('|').collect();
        let i = match self {
            Ui::En => usize::from(n != 1),
            Ui::Ru | Ui::Uk => match (n % 10, n % 100) {
                (1, h) if h != 11 => 0,
                (2..=4, h) if !(12..=14).contains(&h) => 1,
                _ => 2,
            },
        };
        fill(forms[i.min(forms.len() - 1)], &[&n.to_string()])
    }

    /// The name of the article language `code` (`en`, `ru`, `uk`) in this
    /// language; another code as it is.
    pub fn language_name(self, code: &str) -> String {
        match code {
            "en" => self.get(Key::LangEn).into(),
            "ru" => self.get(Key::LangRu).into(),
            "uk" => self.get(Key::LangUk).into(),
            other => other.into(),
        }
    }

    /// The label to show for a party or topic: the built-in profiles'
    /// parties and topics (`id` with one of their labels, in any of the
    /// three languages) in this language; any other label as the profile
    /// gives it.
    pub fn label(self, id: &str, label: &str) -> String {
        let key = LABELS.iter().find(|(i, _)| *i == id).map(|(_, k)| *k);
        match key.filter(|k| TABLE[*k as usize].contains(&label)) {
            Some(k) => self.get(k).into(),
            None => label.into(),
        }
    }

    /// What the stance id means, for the legend (an unknown one: none).
    pub fn definition(self, stance: &str) -> Option<&'static str> {
        let key = match stance {
            "proposes" => Key::DefProposes,
            "supports" => Key::DefSupports,
            "conditional" => Key::DefConditional,
            "opposes" => Key::DefOpposes,
            "demands" => Key::DefDemands,
            "questions" => Key::DefQuestions,
            "considering" => Key::DefConsidering,
            "acts" => Key::DefActs,
            _ => return None,
        };
        Some(self.get(key))
    }

    /// How a party is tied to a sentence, for the evidence's `via`
    /// (`speaker`, `according_to`, `subject`, `owner`, `agent`).
    pub fn via(self, via: &str) -> Option<&'static str> {
        let key = match via {
            "speaker" => Key::ViaSpeaker,
            "according_to" => Key::ViaAccordingTo,
            "subject" => Key::ViaSubject,
            "owner" => Key::ViaOwner,
            "agent" => Key::ViaAgent,
            _ => return None,
        };
        Some(self.get(key))
    }

    /// The icon and the word for a stance id (an unknown one is unclear).
    pub fn stance(self, stance: &str) -> (&'static str, &'static str) {
        let (icon, key) = match stance {
            "proposes" => ("\u{2794}", Key::Proposes),
            "supports" => ("\u{2713}", Key::Supports),
            "conditional" => ("\u{2248}", Key::Conditional),
            "opposes" => ("\u{2715}", Key::Opposes),
            "demands" => ("!", Key::Demands),
            "questions" => ("?", Key::Questions),
            "considering" => ("\u{2026}", Key::Considering),
            "acts" => ("\u{2691}", Key::Acts),
            _ => ("\u{00b7}", Key::Unclear),
        };
        (icon, self.get(key))
    }
}

static LAST_SHOWN: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);

/// Note that the page shows `ui` (for the notice a panic leaves, which is
/// made outside the widgets).
pub fn shown(ui: Ui) {
    LAST_SHOWN.store(ui as u8, std::sync::atomic::Ordering::Relaxed);
}

/// The interface language a widget of this page last rendered in
/// (English before any).
pub fn last_shown() -> Ui {
    Ui::ALL
        .get(usize::from(LAST_SHOWN.load(std::sync::atomic::Ordering::Relaxed)))
        .copied()
        .unwrap_or_default()
}

/// The interface language: the one asked for (`ui-lang`), else the
/// article's when it is Russian or Ukrainian, else the browser's
/// (`navigator.language`) when it is one of the three, else English.
pub fn choose(asked: Option<Ui>, article: Option<&str>, browser: Option<&str>) -> Ui {
    asked
        .or_else(|| article.and_then(Ui::from_tag).filter(|u| *u != Ui::En))
        .or_else(|| browser.and_then(Ui::from_tag))
        .unwrap_or_default()
}

/// `template` with `{0}`, `{1}`… replaced by `args` (a placeholder without
/// an argument stays as it is).
fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let arg =
            after.find('}').and_then(|close| Some((close, args.get(after[..close].parse::<usize>().ok()?)?)));
        match arg {
            Some((close, arg)) => {
                out.push_str(arg);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The built-in parties and topics by id, with their label rows.
const LABELS: [(&str, Key); 6] = [
    ("russia", Key::PartyRussia),
    ("ukraine", Key::PartyUkraine),
    ("us", Key::PartyUs),
    ("ceasefire", Key::TopicCeasefire),
    ("territory", Key::TopicTerritory),
    ("kursk", Key::TopicKursk),
];

/// The table: `Key => [English, Russian, Ukrainian]`, one row a phrase.
macro_rules! strings {
    ($($key:ident => [$en:expr, $ru:expr, $uk:expr $(,)?],)*) => {
        /// A phrase of the interface (see the module documentation).
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Key { $(#[allow(missing_docs)] $key,)* }

        impl Key {
            /// Every key, in table order.
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }

        const TABLE: &[[&str; 3]] = &[$([$en, $ru, $uk],)*];
    };
}

strings! {
    // The input panel.
    InputTitle => ["Your text", "Ваш текст", "Ваш текст"],
    ArticleText => ["Article text", "Текст статьи", "Текст статті"],
    Placeholder => [
        "Paste a news article here, or drop a .txt, .md or .html file…",
        "Вставьте сюда новостную статью или перетащите файл .txt, .md или .html…",
        "Вставте сюди новинну статтю або перетягніть файл .txt, .md чи .html…",
    ],
    TailEditing => [
        "You are editing the first {0} KB; the remaining {1} MB follow the end of the box unchanged. Select all in the box to replace or delete the whole text.",
        "Вы редактируете первые {0} КБ; остальные {1} МБ идут после конца поля без изменений. Выделите всё в поле, чтобы заменить или удалить весь текст.",
        "Ви редагуєте перші {0} КБ; решта {1} МБ іде після кінця поля без змін. Виділіть усе в полі, щоб замінити або видалити весь текст.",
    ],
    TailReadOnly => [
        "This text is {0} MB: the box shows its first {1} KB, read-only; the whole text is analysed. Select all in the box to replace or delete the whole text. ",
        "Этот текст занимает {0} МБ: в поле видны его первые {1} КБ, только для чтения; анализируется весь текст. Выделите всё в поле, чтобы заменить или удалить весь текст. ",
        "Цей текст займає {0} МБ: у полі видно його перші {1} КБ, лише для читання; аналізується весь текст. Виділіть усе в полі, щоб замінити або видалити весь текст. ",
    ],
    EditHead => ["Edit the first {0} KB", "Редактировать первые {0} КБ", "Редагувати перші {0} КБ"],
    TryExample => ["Try an example", "Показать пример", "Показати приклад"],
    OpenFile => ["Open a file…", "Открыть файл…", "Відкрити файл…"],
    Clear => ["Clear", "Очистить", "Очистити"],
    Undo => ["Undo", "Отменить", "Скасувати"],
    Characters => ["{0} character|{0} characters", "{0} символ|{0} символа|{0} символов", "{0} символ|{0} символи|{0} символів"],
    Sentences => [
        "{0} sentence|{0} sentences",
        "{0} предложение|{0} предложения|{0} предложений",
        "{0} речення|{0} речення|{0} речень",
    ],
    // The grid.
    Positions => ["Positions", "Позиции", "Позиції"],
    GridCaption => [
        "What each party holds on each topic",
        "Позиция каждой стороны по каждой теме",
        "Позиція кожної сторони щодо кожної теми",
    ],
    Topic => ["Topic", "Тема", "Тема"],
    NoneFound => ["None found", "Не найдено", "Не знайдено"],
    Evidence => [
        "{0} evidence sentence|{0} evidence sentences",
        "{0} предложение-доказательство|{0} предложения-доказательства|{0} предложений-доказательств",
        "{0} речення-доказ|{0} речення-докази|{0} речень-доказів",
    ],
    MoreEvidence => [
        "…and {0} more, marked in the article.",
        "…и ещё {0}, отмечены в статье.",
        "…і ще {0}, позначені в статті.",
    ],
    // Stances.
    Proposes => ["Proposes", "Предлагает", "Пропонує"],
    Supports => ["Supports", "Поддерживает", "Підтримує"],
    Conditional => ["Conditional", "С условиями", "З умовами"],
    Opposes => ["Opposes", "Против", "Проти"],
    Demands => ["Demands", "Требует", "Вимагає"],
    Questions => ["Questions", "Сомневается", "Сумнівається"],
    Considering => ["Considering", "Рассматривает", "Розглядає"],
    Acts => ["Acts", "Действует", "Діє"],
    Unclear => ["Unclear", "Неясно", "Неясно"],
    // Why a label: the legend, the evidence's own labels and cues, and how
    // the party is tied to a sentence.
    LegendTitle => ["What the labels mean", "Что значат метки", "Що означають мітки"],
    DefProposes => [
        "puts it forward, pushes for it",
        "выдвигает, добивается этого",
        "висуває, домагається цього",
    ],
    DefSupports => [
        "accepts, agrees, backs, welcomes",
        "принимает, соглашается, поддерживает, приветствует",
        "приймає, погоджується, підтримує, вітає",
    ],
    DefConditional => [
        "agrees in principle but attaches conditions or reservations",
        "в принципе согласна, но ставит условия или оговорки",
        "в принципі згодна, але ставить умови чи застереження",
    ],
    DefOpposes => [
        "rejects, refuses, condemns",
        "отвергает, отказывается, осуждает",
        "відкидає, відмовляється, засуджує",
    ],
    DefDemands => [
        "insists on an outcome from others",
        "настаивает, чтобы другие сделали это",
        "наполягає, щоб інші зробили це",
    ],
    DefQuestions => [
        "raises doubts or questions without a verdict",
        "высказывает сомнения или вопросы без вывода",
        "висловлює сумніви чи запитання без висновку",
    ],
    DefConsidering => [
        "deliberating, studying, undecided",
        "обдумывает, изучает, не решила",
        "обмірковує, вивчає, не вирішила",
    ],
    DefActs => [
        "an action on the ground is reported, not a stated position",
        "сообщается о действиях на месте, а не о позиции",
        "повідомляється про дії на місці, а не про позицію",
    ],
    MixedEvidence => ["Mixed evidence: {0}", "Доказательства расходятся: {0}", "Докази розходяться: {0}"],
    CueHint => [
        "the words behind this label",
        "слова, на которых основана метка",
        "слова, на яких ґрунтується мітка",
    ],
    ViaSpeaker => ["said it", "автор слов", "автор слів"],
    ViaAccordingTo => ["the source (according to)", "источник (по данным)", "джерело (за даними)"],
    ViaSubject => ["subject of the sentence", "подлежащее предложения", "підмет речення"],
    ViaOwner => ["owner (its proposal, its demand)", "владелец (её предложение, её требование)", "власник (її пропозиція, її вимога)"],
    ViaAgent => ["the one by whom it is done", "тот, кем это сделано", "той, ким це зроблено"],
    // The built-in parties and topics.
    PartyRussia => ["Russia", "Россия", "Росія"],
    PartyUkraine => ["Ukraine", "Украина", "Україна"],
    PartyUs => ["United States", "США", "США"],
    TopicCeasefire => ["Ceasefire", "Прекращение огня", "Припинення вогню"],
    TopicTerritory => ["Territory", "Территории", "Території"],
    TopicKursk => ["Kursk", "Курская область", "Курщина"],
    // The figures.
    Figures => ["Figures", "Цифры", "Цифри"],
    NoFigures => ["No figures found.", "Цифр не найдено.", "Цифр не знайдено."],
    Figure => ["Figure", "Цифра", "Цифра"],
    Source => ["Source", "Источник", "Джерело"],
    MoreFigures => [
        "…and {0} more figures, not listed.",
        "…и ещё {0}, не показаны.",
        "…і ще {0}, не показані.",
    ],
    // Export and share.
    ExportGroup => ["Export and share", "Экспорт и ссылка", "Експорт і посилання"],
    CopyMarkdown => ["Copy as Markdown", "Копировать как Markdown", "Копіювати як Markdown"],
    DownloadJson => ["Download JSON", "Скачать JSON", "Завантажити JSON"],
    DownloadCsv => ["Download CSV", "Скачать CSV", "Завантажити CSV"],
    CopyLink => ["Copy link", "Копировать ссылку", "Копіювати посилання"],
    CopiedMarkdown => [
        "The grid was copied as Markdown.",
        "Таблица скопирована как Markdown.",
        "Таблицю скопійовано як Markdown.",
    ],
    NoClipboard => [
        "The clipboard is not available here; use a download instead.",
        "Буфер обмена здесь недоступен; скачайте файл.",
        "Буфер обміну тут недоступний; завантажте файл.",
    ],
    DownloadedJson => [
        "The report was downloaded as JSON.",
        "Отчёт скачан в формате JSON.",
        "Звіт завантажено у форматі JSON.",
    ],
    DownloadedCsv => [
        "The grid was downloaded as CSV.",
        "Таблица скачана в формате CSV.",
        "Таблицю завантажено у форматі CSV.",
    ],
    CopiedLink => [
        "A link with the text was copied. It stays in the link: nothing is uploaded.",
        "Ссылка с текстом скопирована. Текст остаётся в ссылке: ничего не отправляется на сервер.",
        "Посилання з текстом скопійовано. Текст залишається в посиланні: нічого не надсилається на сервер.",
    ],
    LinkNoClipboard => [
        "The clipboard is not available here, so the link could not be copied.",
        "Буфер обмена здесь недоступен, поэтому ссылку не удалось скопировать.",
        "Буфер обміну тут недоступний, тому посилання не вдалося скопіювати.",
    ],
    NoLink => [
        "This browser cannot make a link.",
        "Этот браузер не может создать ссылку.",
        "Цей браузер не може створити посилання.",
    ],
    // The article.
    ArticleTitle => ["Article, annotated", "Статья с разметкой", "Стаття з розміткою"],
    ArticleRegion => ["Annotated article text", "Текст статьи с разметкой", "Текст статті з розміткою"],
    ShowingSentences => [
        "Showing sentences {0}–{1} of {2}. ",
        "Показаны предложения {0}–{1} из {2}. ",
        "Показано речення {0}–{1} з {2}. ",
    ],
    Earlier => ["Earlier text", "Текст выше", "Текст вище"],
    Later => ["Later text", "Текст ниже", "Текст нижче"],
    // The article's language.
    ArticleLanguage => ["Article language: {0}", "Язык статьи: {0}", "Мова статті: {0}"],
    Detected => [" (detected)", " (определён по тексту)", " (визначено за текстом)"],
    LangEn => ["English", "английский", "англійська"],
    LangRu => ["Russian", "русский", "російська"],
    LangUk => ["Ukrainian", "украинский", "українська"],
    // Status.
    Analysing => ["Analysing", "Идёт анализ", "Триває аналіз"],
    AnalysingNow => ["Analysing…", "Анализ…", "Аналіз…"],
    AnalysingMb => ["Analysing {0} MB of text…", "Анализ {0} МБ текста…", "Аналіз {0} МБ тексту…"],
    AnalysingPart => [
        "Analysing the first {0} MB of {1} MB of text…",
        "Анализ первых {0} МБ из {1} МБ текста…",
        "Аналіз перших {0} МБ із {1} МБ тексту…",
    ],
    Prompt => [
        "Paste or type an article to see who holds which position.",
        "Вставьте или наберите статью, чтобы увидеть, кто какую позицию занимает.",
        "Вставте або наберіть статтю, щоб побачити, хто яку позицію займає.",
    ],
    NoPositions => [
        "{0} read; no positions found.",
        "Прочитано: {0}; позиций не найдено.",
        "Прочитано: {0}; позицій не знайдено.",
    ],
    Parties => ["{0} party|{0} parties", "{0} сторона|{0} стороны|{0} сторон", "{0} сторона|{0} сторони|{0} сторін"],
    PositionCount => [
        "{0} position|{0} positions",
        "{0} позиция|{0} позиции|{0} позиций",
        "{0} позиція|{0} позиції|{0} позицій",
    ],
    Found => ["{0}, {1} found.", "Найдено: {0}, {1}.", "Знайдено: {0}, {1}."],
    // Messages and confirmations.
    Cleared => ["Text cleared.", "Текст очищен.", "Текст очищено."],
    WholeReplaced => ["The whole text was replaced.", "Весь текст заменён.", "Весь текст замінено."],
    TabReplaced => [
        "The other tab's text replaced this one.",
        "Текст другой вкладки заменил этот.",
        "Текст іншої вкладки замінив цей.",
    ],
    LinkReplaced => ["The linked text replaced yours.", "Текст из ссылки заменил ваш.", "Текст із посилання замінив ваш."],
    WillAnalysePart => [
        "This text is {0} MB; the first {1} MB will be analysed. Your text is kept as it is.",
        "Этот текст занимает {0} МБ; будут проанализированы первые {1} МБ. Ваш текст остаётся как есть.",
        "Цей текст займає {0} МБ; буде проаналізовано перші {1} МБ. Ваш текст залишається як є.",
    ],
    AnalysedPart => [
        "This text is {0} MB, of which the first {1} MB were analysed. {2}",
        "Этот текст занимает {0} МБ; проанализированы первые {1} МБ. {2}",
        "Цей текст займає {0} МБ; проаналізовано перші {1} МБ. {2}",
    ],
    AnalysisFailed => [
        "The analysis failed ({0}); the previous result is still shown and your text is unchanged.",
        "Анализ не удался ({0}); показан прежний результат, ваш текст не изменён.",
        "Аналіз не вдався ({0}); показано попередній результат, ваш текст не змінено.",
    ],
    NotKept => [
        "This text is not kept in the browser (too large, or storage is off); it stays on this page until you close it.",
        "Этот текст не сохраняется в браузере (он слишком велик или хранилище отключено); он останется на странице, пока вы её не закроете.",
        "Цей текст не зберігається в браузері (він завеликий або сховище вимкнено); він залишиться на сторінці, доки ви її не закриєте.",
    ],
    OfferTab => [
        "Another factgrid tab saved a different text ({0} characters). This tab saves nothing until you choose.",
        "Другая вкладка factgrid сохранила другой текст (символов: {0}). Эта вкладка ничего не сохраняет, пока вы не выберете.",
        "Інша вкладка factgrid зберегла інший текст (символів: {0}). Ця вкладка нічого не зберігає, доки ви не оберете.",
    ],
    OfferLink => [
        "The link you opened carries a text of {0} characters. Open it in place of your saved text? (Undo brings yours back.)",
        "Открытая ссылка содержит текст (символов: {0}). Открыть его вместо сохранённого? (Кнопка «Отменить» вернёт ваш.)",
        "Відкрите посилання містить текст (символів: {0}). Відкрити його замість збереженого? (Кнопка «Скасувати» поверне ваш.)",
    ],
    OpenTabText => ["Open the other tab's text", "Открыть текст другой вкладки", "Відкрити текст іншої вкладки"],
    OpenLinked => ["Open the linked text", "Открыть текст из ссылки", "Відкрити текст із посилання"],
    KeepTabText => ["Keep this tab's text", "Оставить текст этой вкладки", "Залишити текст цієї вкладки"],
    KeepMine => ["Keep my text", "Оставить мой текст", "Залишити мій текст"],
    // Opening files and the example.
    ExampleFailed => ["The example could not be loaded.", "Не удалось загрузить пример.", "Не вдалося завантажити приклад."],
    ExampleLoaded => ["Loaded the example article.", "Загружена статья-пример.", "Завантажено статтю-приклад."],
    NoFile => ["No file was dropped.", "Файл не перетащен.", "Файл не перетягнуто."],
    Opened => ["Opened {0}.", "Открыт файл {0}.", "Відкрито файл {0}."],
    NotOpened => [
        " Added as articles to compare: {0}.",
        " Добавлены как статьи для сравнения: {0}.",
        " Додано як статті для порівняння: {0}.",
    ],
    FileTooLarge => [
        "{0} is {1} MB; factgrid reads files up to {2} MB. Your current text is unchanged.",
        "Файл {0} занимает {1} МБ; factgrid читает файлы до {2} МБ. Ваш текст не изменён.",
        "Файл {0} займає {1} МБ; factgrid читає файли до {2} МБ. Ваш текст не змінено.",
    ],
    FileUnreadable => [
        "{0}: {1}. Your current text is unchanged.",
        "{0}: {1}. Ваш текст не изменён.",
        "{0}: {1}. Ваш текст не змінено.",
    ],
    NotText => [
        "{0} does not look like text ({1}). Your current text is unchanged.",
        "Файл {0} не похож на текст ({1}). Ваш текст не изменён.",
        "Файл {0} не схожий на текст ({1}). Ваш текст не змінено.",
    ],
    PastedPage => ["Pasted a web page. {0}", "Вставлена веб-страница. {0}", "Вставлено веб-сторінку. {0}"],
    // A link that carries a text.
    LinkTooLarge => [
        "The link's text is larger than {0} MB once unpacked, so it was not opened. Your own text is unchanged.",
        "Текст из ссылки после распаковки больше {0} МБ, поэтому он не открыт. Ваш текст не изменён.",
        "Текст із посилання після розпакування більший за {0} МБ, тому його не відкрито. Ваш текст не змінено.",
    ],
    // Comparing several articles (src/components/compare.rs).
    AddArticle => ["Add article", "Добавить статью", "Додати статтю"],
    NewArticleText => ["Text of the new article", "Текст новой статьи", "Текст нової статті"],
    AddIt => ["Add", "Добавить", "Додати"],
    AddFiles => ["Add files…", "Добавить файлы…", "Додати файли…"],
    ArticlesHeading => ["Articles", "Статьи", "Статті"],
    ArticleN => ["Article {0}", "Статья {0}", "Стаття {0}"],
    FromTextBox => ["(the text box above)", "(текст из поля выше)", "(текст із поля вище)"],
    FieldTitle => ["Title", "Заголовок", "Заголовок"],
    FieldOutlet => ["Outlet", "Издание", "Видання"],
    FieldDate => ["Date (YYYY-MM-DD)", "Дата (ГГГГ-ММ-ДД)", "Дата (РРРР-ММ-ДД)"],
    BadDate => [
        "Not a date: write YYYY-MM-DD, or --MM-DD without a year.",
        "Это не дата: пишите ГГГГ-ММ-ДД или --ММ-ДД без года.",
        "Це не дата: пишіть РРРР-ММ-ДД або --ММ-ДД без року.",
    ],
    MoveUp => ["Move article {0} up", "Переместить статью {0} выше", "Перемістити статтю {0} вище"],
    MoveDown => ["Move article {0} down", "Переместить статью {0} ниже", "Перемістити статтю {0} нижче"],
    RemoveArticle => ["Remove article {0}", "Удалить статью {0}", "Видалити статтю {0}"],
    EmptyArticle => [
        "The new article is empty: paste its text first.",
        "Новая статья пуста: сначала вставьте её текст.",
        "Нова стаття порожня: спершу вставте її текст.",
    ],
    AddedArticles => [
        "{0} article added.|{0} articles added.",
        "Добавлена {0} статья.|Добавлены {0} статьи.|Добавлено {0} статей.",
        "Додано {0} статтю.|Додано {0} статті.|Додано {0} статей.",
    ],
    TooManyArticles => [
        "At most {0} articles can be compared: the others were not added.",
        "Сравнить можно не больше {0} статей: остальные не добавлены.",
        "Порівняти можна не більше {0} статей: інші не додано.",
    ],
    ComparisonHeading => ["Comparison", "Сравнение", "Порівняння"],
    ComparisonCaption => [
        "The stance each article gives each party on each topic",
        "Позиция сторон по темам в каждой статье",
        "Позиція сторін щодо тем у кожній статті",
    ],
    VerdictAgree => ["agree", "совпадают", "збігаються"],
    VerdictDiffer => ["differ", "расходятся", "розходяться"],
    VerdictOneSource => ["one source", "один источник", "одне джерело"],
    NotCovered => ["not covered", "не упоминается", "не згадується"],
    EvidenceFrom => [
        "Evidence from {0}: {1}, {2}",
        "Доказательства из «{0}»: {1}, {2}",
        "Докази з «{0}»: {1}, {2}",
    ],
    CloseEvidence => ["Close", "Закрыть", "Закрити"],
    FiguresCompared => ["Figures compared", "Сравнение цифр", "Порівняння цифр"],
    Value => ["Value", "Значение", "Значення"],
    InArticle => ["Article", "Статья", "Стаття"],
    FigureConflict => [
        "Conflict: {0} in {1} against {2} in {3}",
        "Противоречие: {0} в «{1}» против {2} в «{3}»",
        "Суперечність: {0} у «{1}» проти {2} у «{3}»",
    ],
    NoFiguresCompared => [
        "No figures to compare.",
        "Нет цифр для сравнения.",
        "Немає цифр для порівняння.",
    ],
    TimelineHeading => ["Timeline", "Хронология", "Хронологія"],
    TimelineChanged => ["changed", "изменилась", "змінилася"],
    ExportComparison => ["Export the comparison", "Экспорт сравнения", "Експорт порівняння"],
    CopiedComparison => [
        "The comparison was copied as Markdown.",
        "Сравнение скопировано как Markdown.",
        "Порівняння скопійовано як Markdown.",
    ],
    DownloadedComparison => [
        "The comparison was downloaded as JSON.",
        "Сравнение скачано в формате JSON.",
        "Порівняння завантажено у форматі JSON.",
    ],
    ArticlesNotKept => [
        "These articles are too large to keep in this browser: they stay on this page until you close it. Export the comparison or keep the files to have them later.",
        "Эти статьи слишком велики, чтобы сохранить их в браузере: они останутся на странице, пока вы её не закроете. Экспортируйте сравнение или сохраните файлы, чтобы не потерять их.",
        "Ці статті завеликі, щоб зберегти їх у браузері: вони лишаються на сторінці, доки ви її не закриєте. Експортуйте порівняння або збережіть файли, щоб не втратити їх.",
    ],
    // Corrections, citations and details (issue 16 items 9-11, 14).
    Edited => ["edited", "исправлено", "виправлено"],
    EditedWas => ["edited, was {0}", "исправлено, было: {0}", "виправлено, було: {0}"],
    Checked => ["checked", "проверено", "перевірено"],
    AddedByYou => ["added by the reader", "добавлено читателем", "додано читачем"],
    DroppedByYou => ["dropped by the reader", "исключено читателем", "вилучено читачем"],
    AnalysedAt => ["Analysed at {0}", "Время анализа: {0}", "Час аналізу: {0}"],
    SentenceNo => ["sentence {0}", "предложение {0}", "речення {0}"],
    CorrectCell => ["Correct", "Исправить", "Виправити"],
    CorrectGroup => ["Correct {0} on {1}", "Исправить: {0}, {1}", "Виправити: {0}, {1}"],
    StanceChoice => ["Stance", "Позиция", "Позиція"],
    AsFound => ["As found: {0}", "Как найдено: {0}", "Як знайдено: {0}"],
    NoPositionChoice => ["No position", "Нет позиции", "Немає позиції"],
    MarkChecked => ["I checked this cell", "Я проверил(а) эту ячейку", "Я перевірив(ла) цю клітинку"],
    AddSentence => ["Add sentence number", "Добавить предложение номер", "Додати речення номер"],
    Add => ["Add", "Добавить", "Додати"],
    ResetCell => ["Undo my corrections", "Отменить мои исправления", "Скасувати мої виправлення"],
    DropEvidence => ["Drop", "Исключить", "Вилучити"],
    RestoreEvidence => ["Restore", "Вернуть", "Повернути"],
    DropHint => ["Drop sentence {0} from this cell", "Исключить предложение {0} из этой ячейки", "Вилучити речення {0} з цієї клітинки"],
    RestoreHint => ["Restore sentence {0} to this cell", "Вернуть предложение {0} в эту ячейку", "Повернути речення {0} до цієї клітинки"],
    CopyCitation => ["Copy citation", "Копировать цитату", "Копіювати цитату"],
    CiteHint => ["Copy citation of sentence {0}", "Копировать цитату: предложение {0}", "Копіювати цитату: речення {0}"],
    CitationCopied => ["Citation copied.", "Цитата скопирована.", "Цитату скопійовано."],
    CopyCellLink => ["Share link to this cell", "Поделиться ссылкой на ячейку", "Поділитися посиланням на клітинку"],
    CopySentenceLink => ["Share link to this sentence", "Поделиться ссылкой на предложение", "Поділитися посиланням на речення"],
    LinkCopiedHere => ["Link copied.", "Ссылка скопирована.", "Посилання скопійовано."],
    NotCopied => ["Could not copy: the browser refused the clipboard.", "Не удалось скопировать: браузер не дал доступа к буферу обмена.", "Не вдалося скопіювати: браузер не дав доступу до буфера обміну."],
    CorrectionsLost => [
        "{0} correction no longer applies to the changed text and was dropped.|{0} corrections no longer apply to the changed text and were dropped.",
        "{0} исправление больше не подходит к изменённому тексту и отброшено.|{0} исправления больше не подходят к изменённому тексту и отброшены.|{0} исправлений больше не подходят к изменённому тексту и отброшены.",
        "{0} виправлення більше не стосується зміненого тексту й відкинуте.|{0} виправлення більше не стосуються зміненого тексту й відкинуті.|{0} виправлень більше не стосуються зміненого тексту й відкинуті.",
    ],
    NoSuchSentence => ["There is no sentence {0} in this text.", "В этом тексте нет предложения {0}.", "У цьому тексті немає речення {0}."],
    ShowInArticle => ["Show in the article", "Показать в статье", "Показати в статті"],
    BackToGrid => ["Back to the grid", "Назад к таблице", "Назад до таблиці"],
    SupportsCells => ["Sentence {0} is evidence for:", "Предложение {0} служит доказательством для:", "Речення {0} є доказом для:"],
    SupportsNone => ["Sentence {0} is evidence for no cell.", "Предложение {0} не служит доказательством ни для одной ячейки.", "Речення {0} не є доказом для жодної клітинки."],
    Details => ["Article details", "Сведения о статье", "Відомості про статтю"],
    DetailsHint => [
        "Filled in from the text where a dateline or byline gives them; used in citations and exports.",
        "Заполняются по тексту, если в нём есть строка с местом и датой или автором; идут в цитаты и экспорт.",
        "Заповнюються з тексту, якщо в ньому є рядок із місцем і датою чи автором; ідуть у цитати й експорт.",
    ],
    Headline => ["Headline", "Заголовок", "Заголовок"],
    Outlet => ["Outlet", "Издание", "Видання"],
    DateField => ["Date", "Дата", "Дата"],
    Url => ["Address (URL)", "Адрес (URL)", "Адреса (URL)"],
    // The notice a crash leaves on the page.
    Crashed => [
        "factgrid ran into an internal error and stopped. Your text is kept in this browser. ",
        "factgrid столкнулся с внутренней ошибкой и остановился. Ваш текст сохранён в этом браузере. ",
        "factgrid натрапив на внутрішню помилку й зупинився. Ваш текст збережено в цьому браузері. ",
    ],
    Reload => ["Reload factgrid", "Перезагрузить factgrid", "Перезавантажити factgrid"],
    LinkUnreadable => [
        "The link's text could not be read (it may be cut short). Your own text is unchanged.",
        "Текст из ссылки не удалось прочитать (возможно, ссылка обрезана). Ваш текст не изменён.",
        "Текст із посилання не вдалося прочитати (можливо, посилання обрізане). Ваш текст не змінено.",
    ],
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The placeholders of `text`, sorted.
    fn placeholders(text: &str) -> Vec<String> {
        let mut found: Vec<String> =
            text.split('{').skip(1).filter_map(|s| s.split_once('}').map(|(n, _)| n.to_string())).collect();
        found.sort();
        found.dedup();
        found
    }

    #[test]
    fn every_key_has_a_text_in_every_language() {
        assert_eq!(TABLE.len(), Key::ALL.len());
        for (i, key) in Key::ALL.iter().enumerate() {
            assert_eq!(*key as usize, i, "{key:?} is in table order");
            let [en, ru, uk] = TABLE[i];
            for (ui, text) in [(Ui::En, en), (Ui::Ru, ru), (Ui::Uk, uk)] {
                assert!(!text.trim().is_empty(), "{key:?} has no {ui:?} text");
                assert_eq!(ui.get(*key), text);
                assert_eq!(placeholders(text), placeholders(en), "{key:?}: {ui:?} has other placeholders");
                for form in text.split('|') {
                    assert_eq!(placeholders(form), placeholders(en), "{key:?}: {ui:?} form {form:?}");
                }
            }
            // Counts: English has two forms, Russian and Ukrainian three;
            // other rows have one.
            let forms = |t: &str| t.split('|').count();
            match forms(en) {
                1 => assert!(forms(ru) == 1 && forms(uk) == 1, "{key:?} is not a count"),
                2 => assert!(forms(ru) == 3 && forms(uk) == 3, "{key:?} needs one, few and many forms"),
                n => panic!("{key:?} has {n} English forms"),
            }
            // Russian and Ukrainian are written in their own letters (a
            // file name or format may stay Latin, but not the whole text).
            for (ui, text) in [(Ui::Ru, ru), (Ui::Uk, uk)] {
                assert!(
                    text.chars().any(|c| ('\u{0400}'..='\u{04ff}').contains(&c)),
                    "{key:?}: the {ui:?} text {text:?} looks untranslated"
                );
            }
        }
    }

    #[test]
    fn the_interface_language_is_asked_for_else_the_articles_else_the_browsers() {
        use Ui::*;
        // ui-lang wins.
        assert_eq!(choose(Some(Uk), Some("ru"), Some("en-US")), Uk);
        assert_eq!(choose(Some(En), Some("ru"), Some("ru-RU")), En);
        // Then the article, when it is Russian or Ukrainian.
        assert_eq!(choose(None, Some("ru"), Some("en-US")), Ru);
        assert_eq!(choose(None, Some("uk"), None), Uk);
        // An English article: the browser's language.
        assert_eq!(choose(None, Some("en"), Some("uk-UA")), Uk);
        assert_eq!(choose(None, None, Some("ru")), Ru);
        // Else English.
        assert_eq!(choose(None, Some("en"), Some("de-DE")), En);
        assert_eq!(choose(None, None, None), En);
        assert_eq!(choose(None, Some("xx"), Some("")), En);
    }

    #[test]
    fn language_tags() {
        assert_eq!(Ui::from_tag("uk-UA"), Some(Ui::Uk));
        assert_eq!(Ui::from_tag("RU"), Some(Ui::Ru));
        assert_eq!(Ui::from_tag(" en_GB "), Some(Ui::En));
        assert_eq!(Ui::from_tag("ua"), None, "a country, not a language");
        assert_eq!(Ui::from_tag(""), None);
        for ui in Ui::ALL {
            assert_eq!(Ui::from_tag(ui.code()), Some(ui));
        }
    }

    #[test]
    fn counts_take_each_languages_forms() {
        assert_eq!(Ui::En.count(Key::Parties, 1), "1 party");
        assert_eq!(Ui::En.count(Key::Parties, 0), "0 parties");
        let ru: Vec<String> =
            [1, 2, 5, 11, 12, 21, 22, 25, 111, 0].iter().map(|&n| Ui::Ru.count(Key::Parties, n)).collect();
        assert_eq!(
            ru,
            [
                "1 сторона",
                "2 стороны",
                "5 сторон",
                "11 сторон",
                "12 сторон",
                "21 сторона",
                "22 стороны",
                "25 сторон",
                "111 сторон",
                "0 сторон"
            ]
        );
        assert_eq!(Ui::Uk.count(Key::Sentences, 3), "3 речення");
        assert_eq!(Ui::Uk.count(Key::Sentences, 7), "7 речень");
    }

    #[test]
    fn placeholders_are_filled() {
        assert_eq!(
            Ui::En.fill(Key::ShowingSentences, &["1", "20", "300"]),
            "Showing sentences 1–20 of 300. "
        );
        assert_eq!(fill("{1} before {0}", &["a", "b"]), "b before a");
        assert_eq!(fill("{x} {9} {", &["a"]), "{x} {9} {");
    }

    #[test]
    fn built_in_labels_follow_the_interface_and_others_stay() {
        // A built-in party, whichever language's profile labelled it.
        assert_eq!(Ui::Uk.label("russia", "Russia"), "Росія");
        assert_eq!(Ui::En.label("kursk", "Курская область"), "Kursk");
        assert_eq!(Ui::Ru.label("us", "США"), "США");
        // A host page's own label for a built-in id, and an id of its own.
        assert_eq!(Ui::Ru.label("russia", "Russian Federation"), "Russian Federation");
        assert_eq!(Ui::Ru.label("eu", "EU"), "EU");
    }

    #[test]
    fn stances_and_language_names() {
        assert_eq!(Ui::En.stance("opposes"), ("\u{2715}", "Opposes"));
        assert_eq!(Ui::Ru.stance("supports").1, "Поддерживает");
        assert_eq!(Ui::Uk.stance("nonsense").1, "Неясно");
        assert_eq!(Ui::Ru.language_name("uk"), "украинский");
        assert_eq!(Ui::En.language_name("de"), "de");
    }
}
