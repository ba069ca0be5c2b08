# Minimal JSON writer with full double precision (jsonlite rounds to 15 significant digits).
# Vectors of length 1 become scalars unless wrapped in I(); lists become objects/arrays.
to_json <- function(x) {
  if (is.null(x)) return("null")
  if (is.list(x)) {
    if (!is.null(names(x)) && all(names(x) != "")) {
      parts <- vapply(names(x), function(n) paste0('"', n, '":', to_json(x[[n]])), "")
      return(paste0("{", paste(parts, collapse = ","), "}"))
    }
    return(paste0("[", paste(vapply(x, to_json, ""), collapse = ","), "]"))
  }
  if (is.matrix(x)) {
    rows <- lapply(seq_len(nrow(x)), function(i) I(unname(x[i, ])))
    return(to_json(rows))
  }
  scalar <- function(v) {
    if (is.character(v)) return(paste0('"', v, '"'))
    if (is.logical(v)) return(if (is.na(v)) "null" else if (v) "true" else "false")
    if (is.na(v)) return("null")
    if (is.infinite(v)) return(if (v > 0) '"Infinity"' else '"-Infinity"')
    sprintf("%.17g", v)
  }
  vals <- vapply(unname(x), scalar, "")
  if (length(x) == 1 && !inherits(x, "AsIs")) return(vals)
  paste0("[", paste(vals, collapse = ","), "]")
}

write_reference <- function(x, file) {
  writeLines(to_json(x), file)
  cat("wrote", file, "\n")
}
