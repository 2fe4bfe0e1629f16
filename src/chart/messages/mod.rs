//! The interface's words in the reader's language: one message table per language, looked up
//! by key. English is compiled in ([`ENGLISH`], the source of truth for the keys and their
//! placeholders); every other language is one JSON object beside the bundle
//! (`lang/de.json`: key → text), loaded only when a widget shows it. A publisher's `messages`
//! override any text ([`check_override`] reads them, as config errors are read).
//!
//! - Keys are dotted names: `tab.rotation`, `control.benchmark`, `quadrant.leading`.
//! - Templates name their placeholders: `"Unknown settings ignored: {names}"`; a translation
//!   has exactly the English text's placeholders.
//! - Plurals are keys ending in a CLDR category (`list.more.one`, `list.more.other`): the
//!   language's plural rule (the browser's `Intl.PluralRules`) picks the category for the
//!   count, and `.other` stands in for a category the table does not have. English has
//!   `.one` and `.other`; a language may add `.zero`, `.two`, `.few` or `.many`.
//!
//! Pure: the browser supplies the plural rule, so every lookup is tested natively.

use crate::analysis::rotation::Quadrant;
use crate::analysis::said::Said;
use config::{LANGUAGE_NOT_LOADED, LANGUAGE_UNAVAILABLE, OVERRIDE_NOT_TEXT, OVERRIDE_NO_KEY, OVERRIDE_NO_PLACEHOLDERS, OVERRIDE_PLACEHOLDERS, OVERRIDE_PLACEHOLDERS_MISSING};
use serde_json::{Map, Value};

/// The languages a widget can show, by their primary subtag: English first (compiled in).
pub const LANGUAGES: [&str; 6] = ["en", "de", "fr", "es", "it", "ja"];

/// The plural categories a key may end in (CLDR's, as `Intl.PluralRules` names them).
pub const PLURAL_CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

mod card;
pub(crate) mod config;
mod faults;
mod frame;
mod labels;
pub(crate) mod permalink;
mod summaries;

/// Every message in English, by key: the keys every other table must have, with the same
/// placeholders. The chart's parts are data files of this module (so the code that says them
/// imports this module, never the other way round); the core's and the config's sit beside
/// the code that builds them, which imports nothing of the chart.
pub const ENGLISH: [&[(&str, &str)]; 9] = [
    frame::MESSAGES,
    summaries::MESSAGES,
    card::MESSAGES,
    labels::MESSAGES,
    faults::MESSAGES,
    crate::analysis::error::MESSAGES,
    &crate::analysis::date::CHAR_NAMES,
    &crate::analysis::period::PERIOD_NAMES,
    config::MESSAGES,
];

/// English's (key, text) pairs, in order.
pub fn english_pairs() -> impl Iterator<Item = (&'static str, &'static str)> {
    ENGLISH.into_iter().flat_map(|part| part.iter().copied())
}

fn english(key: &str) -> Option<&'static str> {
    english_pairs().find(|(k, _)| *k == key).map(|(_, v)| v)
}

/// The language a `lang` tag asks for, as one of [`LANGUAGES`]: its primary subtag, any case
/// (`de-CH` → `de`), or `None` when Rotascope has no table for it.
pub fn language_of(tag: &str) -> Option<&'static str> {
    let primary = tag.trim().split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
    LANGUAGES.iter().find(|l| **l == primary).copied()
}

/// What a widget says when it cannot show `tag`'s language: it shows English, so it says this
/// in English (or the publisher's words for it).
pub fn unsupported_language(tag: &str) -> Said {
    Said::new(LANGUAGE_UNAVAILABLE, &[("tag", tag), ("languages", &LANGUAGES.join(", "))])
}

/// What a widget says when its language's table did not load (`why`, the fetch's words): in
/// English, which it then shows.
pub fn language_not_loaded(lang: &str, why: &str) -> Said {
    Said::new(LANGUAGE_NOT_LOADED, &[("lang", lang), ("why", why)])
}

/// The placeholders a template names, in order of first appearance: `{symbol}` → `symbol`.
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut out: Vec<&str> = Vec::new();
    let mut rest = template;
    while let Some((_, after)) = rest.split_once('{') {
        let Some((name, tail)) = after.split_once('}') else { break };
        if !name.is_empty() && !out.contains(&name) {
            out.push(name);
        }
        rest = tail;
    }
    out
}

/// The English template a key must match: its own, or for a plural category English does not
/// spell out (`list.more.few`), its `.other` form. `None`: no such key.
fn english_for(key: &str) -> Option<&'static str> {
    english(key).or_else(|| {
        let (base, category) = key.rsplit_once('.')?;
        if PLURAL_CATEGORIES.contains(&category) {
            english(&format!("{base}.other"))
        } else {
            None
        }
    })
}

/// Why `text` cannot be the message `key`, or `Ok` when it can: the key must be one of
/// English's (or a plural category of one), the text must name the same placeholders.
pub fn check_message(key: &str, text: &str) -> Result<(), Said> {
    let Some(model) = english_for(key) else {
        return Err(Said::plain(OVERRIDE_NO_KEY));
    };
    let (want, have) = (placeholders(model), placeholders(text));
    if want.len() != have.len() || !want.iter().all(|p| have.contains(p)) {
        let list = |p: &[&str]| p.iter().map(|n| format!("{{{n}}}")).collect::<Vec<_>>().join(", ");
        // "none" is a word of the sentence, so each case is a sentence of its own.
        let message = match (want.is_empty(), have.is_empty()) {
            (true, _) => OVERRIDE_NO_PLACEHOLDERS,
            (false, true) => OVERRIDE_PLACEHOLDERS_MISSING,
            (false, false) => OVERRIDE_PLACEHOLDERS,
        };
        return Err(Said::new(message, &[("wanted", &list(&want)), ("given", &list(&have))]));
    }
    Ok(())
}

/// The `messages` config object read into (key, text) pairs; the first bad entry is the
/// error, named by its field (`messages.tab.trend`).
pub fn read_overrides(map: &Map<String, Value>) -> Result<Vec<(String, String)>, crate::analysis::AnalysisError> {
    let mut out = Vec::with_capacity(map.len());
    for (key, value) in map {
        let field = format!("messages.{key}");
        let Value::String(text) = value else {
            return Err(crate::analysis::AnalysisError::bad_option(&field, value, Said::plain(OVERRIDE_NOT_TEXT)));
        };
        check_message(key, text).map_err(|why| crate::analysis::AnalysisError::bad_option(&field, value, why))?;
        out.push((key.clone(), text.clone()));
    }
    Ok(out)
}

/// A language table as shipped (`lang/de.json`): a JSON object of texts. Entries that are not
/// texts are skipped (the native test holds every shipped table to [`ENGLISH`]).
pub fn parse_table(json: &str) -> Result<Vec<(String, String)>, String> {
    match serde_json::from_str::<Value>(json) {
        Ok(Value::Object(map)) => Ok(map.into_iter().filter_map(|(k, v)| match v {
            Value::String(s) => Some((k, s)),
            _ => None,
        }).collect()),
        Ok(_) => Err("the language file is not a JSON object".to_owned()),
        Err(e) => Err(format!("the language file is not valid JSON ({e})")),
    }
}

/// The plural category of a count in a language (`lang`, `n`), as `Intl.PluralRules#select`
/// names it.
pub type PluralRule = fn(&str, f64) -> String;

/// The plural category of a count in one of [`LANGUAGES`] by CLDR's rules, as
/// `Intl.PluralRules` names it: for the images, drawn without a browser. French counts 0 and
/// 1 as `one`; French, Spanish and Italian count whole millions as `many`; Japanese has only
/// `other`.
pub fn cldr_plural(lang: &str, n: f64) -> String {
    let category = match lang {
        "ja" => "other",
        "fr" if n == 0.0 || n == 1.0 => "one",
        "fr" | "es" | "it" if n >= 1e6 && n % 1e6 == 0.0 => "many",
        "fr" => "other",
        _ if n == 1.0 => "one",
        _ => "other",
    };
    category.to_owned()
}

/// Texts by key, kept for the page's life: a page loads each language's table once, and the
/// components show the texts as they show the compiled-in English ones (no copies).
pub type Table = &'static [(&'static str, &'static str)];

/// `pairs` kept for the page's life, as a [`Table`].
pub fn keep(pairs: Vec<(String, String)>) -> Table {
    let kept: Vec<(&'static str, &'static str)> = pairs.into_iter().map(|(k, v)| (&*Box::leak(k.into_boxed_str()), &*Box::leak(v.into_boxed_str()))).collect();
    Box::leak(kept.into_boxed_slice())
}

/// One widget's messages: the publisher's overrides, then its language's table, then English.
/// A pointer to them, kept for the page's life: every closure of the widget that says
/// something holds one, so it is one word to copy (as the tables it points to are kept).
#[derive(Debug, Clone, Copy)]
pub struct Messages(&'static Words);

/// What [`Messages`] points to.
#[derive(Debug)]
pub struct Words {
    /// The language shown, one of [`LANGUAGES`].
    pub lang: &'static str,
    table: Table,
    overrides: Table,
    plural: Option<PluralRule>,
}

static ENGLISH_WORDS: Words = Words { lang: "en", table: &[], overrides: &[], plural: None };

impl std::ops::Deref for Messages {
    type Target = Words;
    fn deref(&self) -> &Words {
        self.0
    }
}

impl Default for Messages {
    fn default() -> Messages {
        Messages::english()
    }
}

impl Messages {
    /// English, with English's plural rule (1 is `one`, anything else `other`).
    pub fn english() -> Messages {
        Messages(&ENGLISH_WORDS)
    }

    /// `lang`'s `table` (shared by the widgets showing it), `overrides` on top, counts read
    /// by `plural` (the language's rule).
    pub fn new(lang: &'static str, table: Table, overrides: Table, plural: Option<PluralRule>) -> Messages {
        Messages(Box::leak(Box::new(Words { lang, table, overrides, plural })))
    }

    /// The text of `key` in this widget's messages, if any table has it.
    pub fn find(&self, key: &str) -> Option<&'static str> {
        self.overrides.iter().chain(self.table.iter()).find(|(k, _)| *k == key).map(|(_, v)| *v).or_else(|| english(key))
    }

    /// The text of `key` (the key itself if no table has it: a typo shows, never a blank).
    pub fn get(&self, key: &'static str) -> &'static str {
        self.find(key).unwrap_or(key)
    }

    /// The template of `key` with each `{name}` replaced by its value.
    pub fn fill(&self, key: &'static str, values: &[(&str, &str)]) -> String {
        self.finish(fill(self.get(key), values))
    }

    /// A filled text as the language writes it: Italian elides the article before a number
    /// read with a vowel (a template cannot know which day fills it).
    fn finish(&self, text: String) -> String {
        if self.lang == "it" && (text.contains('8') || text.contains("11")) { elide_italian(&text) } else { text }
    }

    /// The key of `base`'s form for `n`: `base.one`, `base.few`, … as the language's rule
    /// says, or `base.other` when no table has that form.
    pub fn plural_key(&self, base: &str, n: f64) -> String {
        let category = match &self.plural {
            Some(rule) => rule(self.lang, n),
            None => (if n == 1.0 { "one" } else { "other" }).to_owned(),
        };
        let key = format!("{base}.{category}");
        if self.find(&key).is_some() { key } else { format!("{base}.other") }
    }

    /// `a`, `a and b`, `a, b and c`, joined as this language joins a list.
    pub fn list(&self, items: &[String]) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [first, middle @ .., last] => {
                let rest = middle.iter().fold(first.clone(), |text, next| self.fill("list.middle", &[("first", &text), ("next", next)]));
                self.fill("list.last", &[("rest", &rest), ("last", last)])
            }
        }
    }

    /// A quadrant's name: "Leading".
    pub fn quadrant(&self, q: Quadrant) -> &'static str {
        self.get(match q {
            Quadrant::Leading => "quadrant.leading",
            Quadrant::Weakening => "quadrant.weakening",
            Quadrant::Lagging => "quadrant.lagging",
            Quadrant::Improving => "quadrant.improving",
        })
    }

    /// What the core said (a sentence, an error, a warning, a reason), in this language.
    pub fn said(&self, said: &dyn crate::analysis::said::Say) -> String {
        self.finish(said.say_in(&|key| self.find(key)))
    }

    /// `base`'s form for `n`, with `{n}` filled in.
    pub fn count(&self, base: &str, n: usize) -> String {
        let key = self.plural_key(base, n as f64);
        self.finish(fill(self.find(&key).unwrap_or_default(), &[("n", &n.to_string())]))
    }

    /// `base`'s form for `n`, with `{n}` and each other `{name}` filled in.
    pub fn count_fill(&self, base: &str, n: usize, values: &[(&str, &str)]) -> String {
        let key = self.plural_key(base, n as f64);
        let count = n.to_string();
        let mut all = vec![("n", count.as_str())];
        all.extend_from_slice(values);
        self.finish(fill(self.find(&key).unwrap_or_default(), &all))
    }
}

pub use crate::analysis::said::fill;

/// Italian's elided articles before a number read with a vowel ("otto", "undici", and 80–89,
/// 800…: every number starting with 8, and 11 not followed by a digit): "il 8 ott" → "l'8 ott",
/// "del 11" → "dell'11", "dal 8" → "dall'8". Only whole words are articles.
pub fn elide_italian(text: &str) -> String {
    const ARTICLES: [(&str, &str); 6] = [("il ", "l’"), ("del ", "dell’"), ("al ", "all’"), ("dal ", "dall’"), ("nel ", "nell’"), ("sul ", "sull’")];
    // Most texts have no such number: they are left as they are, without a scan.
    if !text.contains('8') && !text.contains("11") {
        return text.to_owned();
    }
    let vowel = |rest: &str| rest.starts_with('8') || (rest.starts_with("11") && !rest.get(2..).unwrap_or("").starts_with(|c: char| c.is_ascii_digit()));
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    'scan: while !rest.is_empty() {
        // ASCII classes: Unicode's tables cost kilobytes, and the articles are ASCII words.
        let at_word = out.is_empty() || out.ends_with(|c: char| !c.is_ascii_alphanumeric() && c.is_ascii());
        if at_word {
            for (article, elided) in ARTICLES {
                let Some(head) = rest.get(..article.len()).filter(|h| h.eq_ignore_ascii_case(article)) else { continue };
                let after = rest.get(article.len()..).unwrap_or("");
                if vowel(after) {
                    if head.starts_with(|c: char| c.is_ascii_uppercase()) {
                        out.push_str(&capitalised(elided));
                    } else {
                        out.push_str(elided);
                    }
                    rest = after;
                    continue 'scan;
                }
            }
        }
        let mut chars = rest.chars();
        if let Some(c) = chars.next() {
            out.push(c);
        }
        rest = chars.as_str();
    }
    out
}

/// `word` with its first letter upper-case ("il " → "Il "; the articles are ASCII).
fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| std::iter::once(c.to_ascii_uppercase()).chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(pairs: &[(&str, &str)]) -> Table {
        keep(pairs.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect())
    }

    #[test]
    fn english_keys_are_unique_dotted_names() {
        for (i, (k, _)) in english_pairs().enumerate() {
            assert!(k.contains('.') && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '.'), "{k}");
            assert!(english_pairs().skip(i + 1).all(|(other, _)| other != k), "{k} twice");
        }
        // Every plural has its `.other` form.
        for (k, _) in english_pairs() {
            if let Some(base) = k.strip_suffix(".one") {
                assert!(english(&format!("{base}.other")).is_some(), "{k} without .other");
            }
        }
    }

    #[test]
    fn a_lookup_takes_the_override_then_the_language_then_english() {
        let de = Messages::new("de", table(&[("tab.rotation", "Rotation"), ("tab.trend", "Trend"), ("control.period", "Zeitraum")]), table(&[("tab.trend", "Verlauf")]), None);
        assert_eq!(de.get("control.period"), "Zeitraum");
        assert_eq!(de.get("tab.trend"), "Verlauf");
        // Missing from the table: English.
        assert_eq!(de.get("control.benchmark"), "Benchmark");
        // No table has it: the key shows.
        assert_eq!(de.get("control.nothing"), "control.nothing");
        assert_eq!(Messages::english().get("quadrant.leading"), "Leading");
        assert_eq!(Messages::english().lang, "en");
    }

    #[test]
    fn placeholders_are_named_and_filled() {
        assert_eq!(placeholders("{period} returns to {date}, ranked"), ["period", "date"]);
        assert_eq!(placeholders("{n} and {n} {x"), ["n"]);
        assert!(placeholders("no braces").is_empty());
        let m = Messages::english();
        assert_eq!(m.fill("returns.caption", &[("period", "YTD"), ("date", "Jun 30, 2026")]), "YTD returns to Jun 30, 2026, ranked");
        assert_eq!(m.fill("settings.ignored", &[("names", "colour, hieght")]), "Unknown settings ignored: colour, hieght");
        // A value holding braces is not filled again.
        assert_eq!(fill("{a} {b}", &[("a", "{b}"), ("b", "2")]), "{b} 2");
        assert_eq!(fill("{a}", &[]), "{a}");
        assert_eq!(fill("{ {a} }{", &[("a", "1")]), "{ 1 }{");
    }

    #[test]
    fn a_count_picks_the_form_its_language_rule_names() {
        let en = Messages::english();
        assert_eq!(en.plural_key("unit.week", 1.0), "unit.week.one");
        assert_eq!(en.plural_key("unit.week", 0.0), "unit.week.other");
        assert_eq!(en.count("unit.week", 5), "weeks");
        assert_eq!(en.count("list.more", 3), "and 3 more");
        // French counts 0 and 1 as `one` (the rule is the browser's; here a stand-in).
        let french: PluralRule = |_, n| (if n < 2.0 { "one" } else { "other" }).to_owned();
        let fr = Messages::new("fr", table(&[("list.more.one", "et {n} autre"), ("list.more.other", "et {n} autres")]), &[], Some(french));
        assert_eq!(fr.count("list.more", 0), "et 0 autre");
        assert_eq!(fr.count("list.more", 2), "et 2 autres");
        // A category no table spells out falls back to `.other`: Polish-like `few`.
        let few: PluralRule = |_, _| "few".to_owned();
        let pl = Messages::new("fr", table(&[("list.more.other", "i {n} innych")]), &[], Some(few));
        assert_eq!(pl.plural_key("list.more", 3.0), "list.more.other");
        assert_eq!(pl.count("list.more", 3), "i 3 innych");
        let pl = Messages::new("fr", table(&[("list.more.few", "i {n} inne")]), &[], Some(few));
        assert_eq!(pl.count("list.more", 3), "i 3 inne");
    }

    #[test]
    fn overrides_are_checked_against_the_english_keys_and_placeholders() {
        assert_eq!(check_message("quadrant.leading", "Vorne"), Ok(()));
        assert_eq!(check_message("returns.caption", "{date}: {period}"), Ok(()));
        // A plural category English does not spell out is held to `.other`.
        assert_eq!(check_message("list.more.few", "i {n} inne"), Ok(()));
        assert!(check_message("quadrant.leadng", "Vorne").unwrap_err().english().starts_with("no message has this key"));
        assert!(check_message("quadrant.leading.few", "x").is_err());
        let english = |r: Result<(), Said>| r.map_err(|s| s.english());
        assert_eq!(english(check_message("returns.caption", "{period} bis")), Err("the text must have the placeholders {period}, {date} (it has {period})".to_owned()));
        assert_eq!(english(check_message("tab.trend", "{x}")), Err("the text must have the placeholders none (it has {x})".to_owned()));
        assert_eq!(english(check_message("returns.caption", "Renditen")), Err("the text must have the placeholders {period}, {date} (it has none)".to_owned()));
        let map: Map<String, Value> = serde_json::from_str(r#"{"tab.trend":"Verlauf","list.more.other":"+{n}"}"#).unwrap();
        assert_eq!(read_overrides(&map), Ok(vec![("tab.trend".into(), "Verlauf".into()), ("list.more.other".into(), "+{n}".into())]));
        let map: Map<String, Value> = serde_json::from_str(r#"{"tab.trend":3}"#).unwrap();
        assert_eq!(read_overrides(&map).map_err(|e| e.to_string()), Err("option `messages.tab.trend` = 3: give the message as a text".into()));
    }

    /// What `Intl.PluralRules` says for these counts (taken from a JavaScript engine).
    #[test]
    fn the_native_plural_rule_agrees_with_intl() {
        let cases = [("en", [0.0, 1.0, 2.0, 1e6], ["other", "one", "other", "other"]), ("de", [0.0, 1.0, 2.0, 1e6], ["other", "one", "other", "other"]),
            ("fr", [0.0, 1.0, 2.0, 1e6], ["one", "one", "other", "many"]), ("es", [0.0, 1.0, 2.0, 1e6], ["other", "one", "other", "many"]),
            ("it", [0.0, 1.0, 2.0, 1e6], ["other", "one", "other", "many"]), ("ja", [0.0, 1.0, 2.0, 5.0], ["other", "other", "other", "other"])];
        for (lang, counts, categories) in cases {
            assert_eq!(counts.map(|n| cldr_plural(lang, n)), categories.map(String::from), "{lang}");
        }
    }

    #[test]
    fn italian_elides_the_article_before_a_number_read_with_a_vowel() {
        assert_eq!(elide_italian("dal 8 ott 2026 al 11 nov 2026"), "dall’8 ott 2026 all’11 nov 2026");
        assert_eq!(elide_italian("Ha chiuso a 12,5 il 8 ott, del 80% e nel 800"), "Ha chiuso a 12,5 l’8 ott, dell’80% e nell’800");
        assert_eq!(elide_italian("Il 11,5% sul 8"), "L’11,5% sull’8");
        // Other numbers, words ending in an article's letters, and signed numbers keep theirs.
        assert_eq!(elide_italian("il 18 ott, il 110, del 1 ott, fil 8, il +8,5%"), "il 18 ott, il 110, del 1 ott, fil 8, il +8,5%");
        // Through the widget's words: Italian only.
        let it = Messages::new("it", table(&[("returns.caption", "Classifica dei rendimenti {period} al {date}")]), &[], None);
        assert_eq!(it.fill("returns.caption", &[("period", "YTD"), ("date", "8 ott 2026")]), "Classifica dei rendimenti YTD all’8 ott 2026");
        assert_eq!(Messages::english().fill("returns.caption", &[("period", "il"), ("date", "8")]), "il returns to 8, ranked");
        // Counted texts too (the summaries are).
        let it = Messages::new("it", table(&[("summary.t.one", "{n} simbolo dal {from}"), ("summary.t.other", "{n} simboli dal {from} al {to}")]), &[], None);
        assert_eq!(it.count_fill("summary.t", 2, &[("from", "7 ago 2026"), ("to", "11 nov 2026")]), "2 simboli dal 7 ago 2026 all’11 nov 2026");
    }

    #[test]
    fn a_lang_tag_names_a_shipped_language_or_none() {
        assert_eq!(language_of("de-CH"), Some("de"));
        assert_eq!(language_of(" JA "), Some("ja"));
        assert_eq!(language_of("fr_FR"), Some("fr"));
        assert_eq!(language_of("en"), Some("en"));
        assert_eq!(language_of("pt-BR"), None);
        assert_eq!(language_of(""), None);
        assert_eq!(unsupported_language("pt-BR").english(), "Language \"pt-BR\" is not available: showing English (available: en, de, fr, es, it, ja)");
        assert_eq!(language_not_loaded("de", "HTTP 404").english(), "The \"de\" texts could not be loaded (HTTP 404): showing English");
    }

    #[test]
    fn a_shipped_table_reads_as_its_texts() {
        assert_eq!(parse_table(r#"{"tab.trend":"Trend","x":1}"#), Ok(vec![("tab.trend".into(), "Trend".into())]));
        assert_eq!(parse_table("[]"), Err("the language file is not a JSON object".into()));
        assert!(parse_table("{").unwrap_err().starts_with("the language file is not valid JSON"));
    }

    /// Every shipped table (`www/lang/*.json`) has every English key, the same placeholders,
    /// and nothing else but plural forms of English's keys.
    #[test]
    fn every_shipped_language_has_every_key_with_its_placeholders() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/www/lang");
        let mut found: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
        found.sort();
        let mut expected: Vec<String> = LANGUAGES.iter().skip(1).map(|l| format!("{l}.json")).collect();
        expected.sort();
        assert_eq!(found, expected, "www/lang holds one file per language but English");
        for file in found {
            let text = std::fs::read_to_string(format!("{dir}/{file}")).unwrap();
            let value: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
            let map = value.as_object().unwrap_or_else(|| panic!("{file} is not an object"));
            for (key, _) in english_pairs() {
                assert!(map.contains_key(key), "{file} lacks {key}");
            }
            for (key, text) in map {
                let text = text.as_str().unwrap_or_else(|| panic!("{file}: {key} is not a text"));
                assert_eq!(check_message(key, text), Ok(()), "{file}: {key}");
                assert!(!text.trim().is_empty(), "{file}: {key} is empty");
            }
        }
    }
}
