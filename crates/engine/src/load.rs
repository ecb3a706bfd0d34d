//! From a dropped, chosen or piped file to the text the engine analyses:
//! [`decode`] its bytes, and [`reduce`] it when it is a web page. One
//! function, so that the widget and the command line read files alike.

use crate::encoding::{decode, Encoding, NotText};
use crate::html::{looks_like_html, reduce, PageMeta, Removal};

/// What the caller knows about a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text or Markdown: never reduced, whatever it contains.
    Text,
    /// A web page: always reduced.
    Html,
    /// Unknown (standard input, a paste, a file without a telling name):
    /// reduced when it starts like a web page ([`looks_like_html`]).
    Sniff,
}

impl Format {
    /// The format a file's name and MIME type (if any) tell:
    /// `.html`, `.htm`, `.xhtml`, `text/html` and
    /// `application/xhtml+xml` are web pages; `.txt`, `.md`, `.markdown`
    /// and other `text/*` types are text; anything else is sniffed.
    ///
    /// ```
    /// use factgrid_engine::Format;
    /// assert_eq!(Format::of_file("Story.HTM", None), Format::Html);
    /// assert_eq!(Format::of_file("notes.md", Some("text/markdown")), Format::Text);
    /// assert_eq!(Format::of_file("download", Some("text/html; charset=utf-8")), Format::Html);
    /// assert_eq!(Format::of_file("-", None), Format::Sniff);
    /// ```
    pub fn of_file(name: &str, mime: Option<&str>) -> Format {
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        let mime =
            mime.map(|m| m.split(';').next().unwrap_or("").trim().to_ascii_lowercase()).unwrap_or_default();
        if matches!(ext.as_str(), "html" | "htm" | "xhtml" | "shtml")
            || mime == "text/html"
            || mime == "application/xhtml+xml"
        {
            Format::Html
        } else if matches!(ext.as_str(), "txt" | "text" | "md" | "markdown") || mime.starts_with("text/") {
            Format::Text
        } else {
            Format::Sniff
        }
    }
}

/// A file read for analysis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document {
    /// The text to analyse.
    pub text: String,
    /// The encoding the bytes were read in.
    pub encoding: Encoding,
    /// What the reader should be told, in order: how the bytes were
    /// decoded (when not plain UTF-8), what was removed from a web page.
    pub notices: Vec<String>,
    /// For a web page: what it says about itself (title, outlet, date,
    /// author).
    pub meta: Option<PageMeta>,
    /// For a web page: what was removed from it.
    pub removed: Vec<Removal>,
}

/// Read a file's bytes as text for analysis: decoded (see [`decode`]),
/// and reduced to its article when it is a web page (see [`reduce`]);
/// refused with a reason when it is binary data.
///
/// ```
/// use factgrid_engine::{load, Format};
///
/// let page = b"<html><head><meta charset=windows-1251><title>\xca\xe8\xbf\xe2</title></head>\
///              <body><nav><a href=/>Home</a></nav><p>Kyiv rejected the truce.</p></body></html>";
/// let doc = load(page, Format::Html).unwrap();
/// assert_eq!(doc.text, "Kyiv rejected the truce.");
/// assert_eq!(doc.meta.unwrap().title.as_deref(), Some("Київ"));
/// assert_eq!(doc.notices[0], "The text was read as Windows-1251 (Cyrillic), as the page declares.");
/// assert!(doc.notices[1].starts_with("Web page reduced to its text: removed navigation;"));
///
/// let err = load(b"GIF89a\x01\0\x01\0", Format::Sniff).unwrap_err();
/// assert_eq!(err.to_string(), "binary file (NUL byte at offset 7)");
/// ```
pub fn load(bytes: &[u8], format: Format) -> Result<Document, NotText> {
    let decoded = decode(bytes)?;
    let mut notices: Vec<String> = decoded.notice.into_iter().collect();
    let html = match format {
        Format::Html => true,
        Format::Text => false,
        Format::Sniff => looks_like_html(&decoded.text),
    };
    if !html {
        return Ok(Document {
            text: decoded.text,
            encoding: decoded.encoding,
            notices,
            meta: None,
            removed: Vec::new(),
        });
    }
    let reduced = reduce(&decoded.text);
    notices.push(reduced.notice());
    Ok(Document {
        text: reduced.text,
        encoding: decoded.encoding,
        notices,
        meta: Some(reduced.meta),
        removed: reduced.removed,
    })
}
