//! A one-line progress bar on standard error: files done, MB/s, time left.
//!
//! Drawn only when standard error is a terminal (and `TERM` is not
//! `dumb`) and `--quiet` is not given; otherwise every method does nothing.
//! Whatever else goes to the terminal while the bar is up (messages, and
//! the output itself when standard output is the same terminal) goes
//! through [`Progress::suspend`], which takes the bar down first.

use std::io::{self, IsTerminal, Write};
use std::sync::Mutex;
use std::time::{Duration, Instant};

pub struct Progress {
    bar: Option<Mutex<Bar>>,
}

struct Bar {
    files: u64,
    bytes: u64,
    done_files: u64,
    done_bytes: u64,
    start: Instant,
    last_draw: Option<Instant>,
    shown: bool,
    finished: bool,
}

/// How often the bar is redrawn at most.
pub const REDRAW: Duration = Duration::from_millis(100);

impl Progress {
    /// A bar for `files` articles of `bytes` bytes in all, if standard
    /// error is a terminal and `quiet` is off.
    pub fn new(quiet: bool, files: u64, bytes: u64) -> Progress {
        let wanted =
            !quiet && io::stderr().is_terminal() && std::env::var_os("TERM").is_none_or(|t| t != "dumb");
        Progress {
            bar: wanted.then(|| {
                Mutex::new(Bar {
                    files,
                    bytes,
                    done_files: 0,
                    done_bytes: 0,
                    start: Instant::now(),
                    last_draw: None,
                    shown: false,
                    finished: false,
                })
            }),
        }
    }

    /// One more article done.
    pub fn advance(&self, bytes: u64) {
        self.with(|bar| {
            bar.done_files += 1;
            bar.done_bytes += bytes;
            bar.draw();
        });
    }

    /// Redraw if it is time (the time left moves while a long file runs).
    pub fn tick(&self) {
        self.with(|bar| bar.draw());
    }

    /// Take the bar down, run `f` (which writes to the terminal), and let
    /// the next tick put it back.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        match &self.bar {
            None => f(),
            Some(m) => {
                let mut bar = m.lock().unwrap_or_else(|e| e.into_inner());
                bar.clear();
                let r = f();
                bar.last_draw = None;
                r
            }
        }
    }

    /// Take the bar down for good.
    pub fn finish(&self) {
        self.with(|bar| {
            bar.clear();
            bar.finished = true;
        });
    }

    fn with(&self, f: impl FnOnce(&mut Bar)) {
        if let Some(m) = &self.bar {
            f(&mut m.lock().unwrap_or_else(|e| e.into_inner()));
        }
    }
}

impl Bar {
    fn draw(&mut self) {
        let now = Instant::now();
        if self.finished || self.last_draw.is_some_and(|t| now < t + REDRAW) {
            return;
        }
        self.last_draw = Some(now);
        let line = self.line(now.duration_since(self.start));
        // A closed or failing terminal is no reason to stop the run.
        let mut err = io::stderr().lock();
        let _ = write!(err, "\r{line}\x1b[K");
        let _ = err.flush();
        self.shown = true;
    }

    fn clear(&mut self) {
        if self.shown {
            let mut err = io::stderr().lock();
            let _ = write!(err, "\r\x1b[K");
            let _ = err.flush();
            self.shown = false;
        }
    }

    fn line(&self, elapsed: Duration) -> String {
        let width = 20;
        let fraction = if self.bytes > 0 {
            self.done_bytes as f64 / self.bytes as f64
        } else if self.files > 0 {
            self.done_files as f64 / self.files as f64
        } else {
            1.0
        };
        let filled = ((fraction.clamp(0.0, 1.0)) * width as f64).round() as usize;
        let secs = elapsed.as_secs_f64();
        let rate = if secs > 0.0 { self.done_bytes as f64 / secs / (1024.0 * 1024.0) } else { 0.0 };
        let left = if self.done_files == 0 || fraction <= 0.0 || secs < 0.2 {
            "--:--".to_string()
        } else {
            clock(secs / fraction - secs)
        };
        format!(
            "[{}{}] {}/{} files  {rate:.1} MB/s  {left} left",
            "#".repeat(filled),
            "-".repeat(width - filled),
            self.done_files,
            self.files
        )
    }
}

/// Seconds as m:ss, or h:mm:ss.
fn clock(secs: f64) -> String {
    let s = secs.max(0.0).round() as u64;
    if s >= 3600 {
        format!("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60)
    } else {
        format!("{}:{:02}", s / 60, s % 60)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_line_says_files_rate_and_time_left() {
        let bar = Bar {
            files: 1000,
            bytes: 100 << 20,
            done_files: 250,
            done_bytes: 25 << 20,
            start: Instant::now(),
            last_draw: None,
            shown: false,
            finished: false,
        };
        assert_eq!(
            bar.line(Duration::from_secs(5)),
            "[#####---------------] 250/1000 files  5.0 MB/s  0:15 left"
        );
        assert_eq!(clock(3725.0), "1:02:05");
    }
}
