//! What the core says about bad input (errors, warnings, their reasons), kept as a message
//! key with its English template and the values of its placeholders: the widget says it in
//! the reader's language (`chart::messages` looks the key up), while the core's own
//! messages (`analyze()`'s, the tool's, `rotascope:error`'s) read in English.
//!
//! Each module lists its sentences as `(key, English)` constants in one `MESSAGES` part of
//! the English table (`chart::messages::ENGLISH`), and builds a [`Said`] from the constant,
//! so the English text is written once.

/// A message: its key and English template (one of a `MESSAGES` part's entries).
pub type Message = (&'static str, &'static str);

/// A sentence as a message and the values of its placeholders.
#[derive(Debug, Clone, PartialEq)]
pub struct Said {
    pub message: Message,
    pub values: Vec<(&'static str, String)>,
    /// A placeholder filled by a sentence of its own (a reason inside a sentence), said in
    /// the same language as the sentence (boxed: every error carries a `Said`, so it stays small).
    pub nested: Option<Box<(&'static str, Said)>>,
}

impl Said {
    /// `message` with these placeholder values.
    pub fn new(message: Message, values: &[(&'static str, &str)]) -> Said {
        Said { message, values: values.iter().map(|(k, v)| (*k, (*v).to_owned())).collect(), nested: None }
    }

    /// A sentence without placeholders.
    pub fn plain(message: Message) -> Said {
        Said { message, values: Vec::new(), nested: None }
    }

    /// The sentence with placeholder `name` filled by `said`, said in the sentence's language
    /// (one such placeholder a sentence: a later one replaces it).
    pub fn nest(mut self, name: &'static str, said: Said) -> Said {
        self.nested = Some(Box::new((name, said)));
        self
    }

    /// The sentence in the language `find` looks keys up in (English where it has none).
    pub fn say(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        let nested: Option<(&str, String)> = self.nested.as_deref().map(|(k, said)| (*k, said.say(find)));
        let values: Vec<(&str, &str)> = self.values.iter().map(|(k, v)| (*k, v.as_str())).chain(nested.iter().map(|(k, v)| (*k, v.as_str()))).collect();
        fill(find(self.message.0).unwrap_or(self.message.1), &values)
    }

    /// The sentence in English.
    pub fn english(&self) -> String {
        self.say(&|_| None)
    }
}

/// What the core says (a sentence, an error, a warning, a reason): said in the language
/// `find` looks keys up in, English where it has none.
pub trait Say {
    fn say_in(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String;
}

impl Say for Said {
    fn say_in(&self, find: &dyn Fn(&str) -> Option<&'static str>) -> String {
        self.say(find)
    }
}

impl std::fmt::Display for Said {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.english())
    }
}

/// A text as it was given, in every language: a path in the data (`series.IWM[3]`), or a
/// reason a caller gives as text rather than as a message (serde_json's own words, or a
/// sentence not yet made a message).
pub const AS_GIVEN: Message = ("data.asGiven", "{text}");

impl From<String> for Said {
    fn from(text: String) -> Said {
        Said { message: AS_GIVEN, values: vec![("text", text)], nested: None }
    }
}

impl From<&str> for Said {
    fn from(text: &str) -> Said {
        Said::from(text.to_owned())
    }
}

/// `template` with each `{name}` of `values` replaced, in one pass (a value holding braces is
/// not read again); other braces stay as written. A value that ends in a full stop takes the
/// place of the one after it.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        let value = after.split_once('}').and_then(|(name, tail)| values.iter().find(|(n, _)| *n == name).map(|(_, v)| (*v, tail)));
        match value {
            Some((v, tail)) => {
                out.push_str(v);
                // A value ending in a full stop ("+8,5 Pp.", a quoted sentence) ends the
                // template's sentence too: one stop, not two.
                rest = if v.ends_with('.') && !v.ends_with("..") { tail.strip_prefix('.').unwrap_or(tail) } else { tail };
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

#[cfg(test)]
mod tests {
    use super::*;

    const GREETING: Message = ("test.greeting", "{who} has {n} closes");

    #[test]
    fn a_value_ending_in_a_full_stop_ends_the_sentence_once() {
        assert_eq!(fill("Spread: {spread}.", &[("spread", "+8,5 Pp.")]), "Spread: +8,5 Pp.");
        assert_eq!(fill("{a}. Then {b}.", &[("a", "Done."), ("b", "more")]), "Done. Then more.");
        // Only a stop right after the value; an ellipsis keeps its dots.
        assert_eq!(fill("{a}, ok.", &[("a", "p.p.")]), "p.p., ok.");
        assert_eq!(fill("{a}.", &[("a", "wait..")]), "wait...");
    }

    #[test]
    fn a_said_sentence_reads_in_english_or_in_the_language_found() {
        let said = Said::new(GREETING, &[("who", "IWM"), ("n", "3")]);
        assert_eq!(said.to_string(), "IWM has 3 closes");
        let german = |key: &str| (key == "test.greeting").then_some("{who} hat {n} Schlusskurse");
        assert_eq!(said.say(&german), "IWM hat 3 Schlusskurse");
        assert_eq!(Said::plain(("test.plain", "no data")).say(&german), "no data");
        let nested = Said::plain(("test.why", "{who}: {why}")).nest("why", said.clone());
        assert_eq!(nested.say(&german), "{who}: IWM hat 3 Schlusskurse");
    }
}
