//! How pages write dates, numbers and money, in the reader's language.

use hyte_domain::Lang;

/// Today, for due dates.
pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// A date as Finns write it: 15.3.2027.
pub fn fi_date(d: chrono::NaiveDate) -> String {
    d.format("%-d.%-m.%Y").to_string()
}

/// A moment as Finns write it, in UTC: 15.3.2027 14:05.
pub fn fi_datetime(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%-d.%-m.%Y %H:%M").to_string()
}

/// Formats an integer with the language's digit grouping (a narrow space in Finnish and Swedish).
pub fn fmt_int(lang: Lang, n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let sep = if lang == Lang::En { "," } else { "\u{a0}" };
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    if n < 0 {
        format!("−{out}")
    } else {
        out
    }
}

/// A number with the indicator's decimals and the language's decimal mark.
pub fn fmt_num(lang: Lang, v: f64, decimals: i32) -> String {
    let s = format!("{:.*}", decimals.clamp(0, 6) as usize, v);
    let (int, frac) = s.split_once('.').map(|(a, b)| (a, Some(b))).unwrap_or((s.as_str(), None));
    let neg = int.starts_with('-');
    let grouped = fmt_int(lang, int.trim_start_matches('-').parse::<i64>().unwrap_or(0));
    let mark = if lang == Lang::En { "." } else { "," };
    let mut out = if neg { format!("−{grouped}") } else { grouped };
    if let Some(f) = frac {
        out.push_str(mark);
        out.push_str(f);
    }
    out
}

/// Euros as Finns write them: 10 000 €.
pub fn euros(lang: Lang, v: i64) -> String {
    format!("{}\u{a0}€", fmt_num(lang, v as f64, 0))
}

/// A rating as shown: `−2`, `+1`, `0`.
pub fn signed(v: i32) -> String {
    match v {
        v if v > 0 => format!("+{v}"),
        v if v < 0 => format!("−{}", -v),
        _ => "0".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped_by_language() {
        assert_eq!(fmt_int(Lang::Fi, 122594), "122\u{a0}594");
        assert_eq!(fmt_int(Lang::En, 5525292), "5,525,292");
        assert_eq!(fmt_int(Lang::En, 999), "999");
        assert_eq!(fmt_int(Lang::Sv, -1000), "−1\u{a0}000");
    }

    #[test]
    fn numbers_use_the_language_decimal_mark() {
        assert_eq!(fmt_num(Lang::Fi, 1234.56, 1), "1\u{a0}234,6");
        assert_eq!(fmt_num(Lang::En, 1234.56, 2), "1,234.56");
        assert_eq!(fmt_num(Lang::Sv, -0.5, 0), "−0");
        assert_eq!(fmt_num(Lang::Fi, 7.0, 0), "7");
    }
}
