#!/usr/bin/env bash
# Download CIFAR-10 (python version) into the folder that holds this script, checked by MD5.
#
# Safe to rerun: it does nothing when the data is already there, and on any failure it
# leaves neither a partial archive nor a half-extracted folder behind.
set -euo pipefail

OFFICIAL_URL="https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz"
OFFICIAL_MD5="c58f30108f718f92721af3b95e74349a"
BATCH_DIR="cifar-10-batches-py"
FILES=(data_batch_1 data_batch_2 data_batch_3 data_batch_4 data_batch_5 test_batch batches.meta)

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
DEST="$HERE/$BATCH_DIR"
SCRIPT="$(basename "${BASH_SOURCE[0]}")"

usage() {
    cat <<EOF
Usage: bash datasets/$SCRIPT [SOURCE]

Download CIFAR-10 (python version, ~163 MB) and extract it to
  $DEST

SOURCE (optional) is where the archive cifar-10-python.tar.gz comes from:
  - a local file path, e.g. ~/Downloads/cifar-10-python.tar.gz
  - any URL curl understands, e.g. a course mirror https://... or file:///srv/cifar-10-python.tar.gz
Without SOURCE the environment variable CIFAR10_SOURCE is used, and without that
the official archive:
  $OFFICIAL_URL

The archive must have the official MD5 checksum $OFFICIAL_MD5.
CIFAR10_MD5=<md5> replaces the expected checksum. This is meant for a course's own
re-packed copy on a mirror; it weakens verification, because the archive is then only
checked against the value you supply, not against the official one.

Nothing is done when $BATCH_DIR already holds all of:
  ${FILES[*]}

Options:
  -h, --help   show this message and exit
EOF
}

die() {
    echo "error: $*" >&2
    exit 1
}

case "${1:-}" in
    -h | --help)
        usage
        exit 0
        ;;
    -*)
        echo "error: unknown option '$1'" >&2
        usage >&2
        exit 2
        ;;
esac
if [[ $# -gt 1 ]]; then
    echo "error: expected at most one argument (a path or URL), got $#" >&2
    usage >&2
    exit 2
fi

SOURCE="${1:-${CIFAR10_SOURCE:-$OFFICIAL_URL}}"
EXPECTED_MD5="$(printf '%s' "${CIFAR10_MD5:-$OFFICIAL_MD5}" | tr '[:upper:]' '[:lower:]')"
if [[ ! "$EXPECTED_MD5" =~ ^[0-9a-f]{32}$ ]]; then
    die "CIFAR10_MD5 must be 32 hexadecimal digits, got '${CIFAR10_MD5:-}'"
fi

# true when the folder given holds every expected file, each non-empty
is_complete() {
    local f
    for f in "${FILES[@]}"; do
        [[ -s "$1/$f" ]] || return 1
    done
}

if is_complete "$DEST"; then
    echo "CIFAR-10 is already in $DEST; skipped the download."
    exit 0
fi

md5_of() {
    if command -v md5sum >/dev/null 2>&1; then
        md5sum "$1" | cut -d ' ' -f 1
    elif command -v md5 >/dev/null 2>&1; then # macOS
        md5 -q "$1"
    elif command -v openssl >/dev/null 2>&1; then
        openssl md5 -r "$1" | cut -d ' ' -f 1
    else
        die "no md5sum, md5 or openssl found to verify the archive"
    fi
}

# temporary files live next to the destination, so the final mv is a rename on one filesystem
TMP_ARCHIVE=""
TMP_DIR=""
cleanup() {
    [[ -n "$TMP_ARCHIVE" ]] && rm -f "$TMP_ARCHIVE"
    [[ -n "$TMP_DIR" ]] && rm -rf "$TMP_DIR"
    return 0
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

LOCAL_COPY_HINT="bash datasets/$SCRIPT /path/to/cifar-10-python.tar.gz"
download_failed() {
    die "could not download $SOURCE; check your connection or pass a local copy: $LOCAL_COPY_HINT"
}

if [[ "$SOURCE" =~ ^[A-Za-z][A-Za-z0-9+.-]*:// ]]; then
    TMP_ARCHIVE="$(mktemp "$HERE/.download-archive.XXXXXX")"
    echo "Downloading $SOURCE"
    if command -v curl >/dev/null 2>&1; then
        if ! curl --fail --location --progress-bar --retry 2 --connect-timeout 30 \
            --output "$TMP_ARCHIVE" "$SOURCE"; then
            download_failed
        fi
    elif command -v wget >/dev/null 2>&1; then
        if ! wget --progress=bar:force --tries=3 --timeout=30 \
            --output-document="$TMP_ARCHIVE" "$SOURCE"; then
            download_failed
        fi
    else
        die "neither curl nor wget is installed; download $OFFICIAL_URL yourself" \
            "and run: $LOCAL_COPY_HINT"
    fi
    ARCHIVE="$TMP_ARCHIVE"
else
    if [[ -d "$SOURCE" ]]; then
        hint="Pass the archive file itself: bash datasets/$SCRIPT /path/to/cifar-10-python.tar.gz"
        if [[ -f "$SOURCE/cifar-10-python.tar.gz" ]]; then
            hint="It holds the archive; pass that: bash datasets/$SCRIPT ${SOURCE%/}/cifar-10-python.tar.gz"
        elif [[ -f "$SOURCE/$BATCH_DIR/data_batch_1" || -f "$SOURCE/data_batch_1" ]]; then
            hint="It looks like an extracted CIFAR-10: set CS231N_DATA_DIR=$SOURCE to use it as it is."
        fi
        die "'$SOURCE' is a folder, not an archive. $hint"
    fi
    if [[ ! -f "$SOURCE" ]]; then
        die "could not read the archive '$SOURCE': no such file." \
            "Pass the path of a downloaded cifar-10-python.tar.gz, or a URL."
    fi
    echo "Using the local archive $SOURCE"
    ARCHIVE="$SOURCE"
fi

echo "Verifying the MD5 checksum"
GOT_MD5="$(md5_of "$ARCHIVE" | tr '[:upper:]' '[:lower:]')"
if [[ "$GOT_MD5" != "$EXPECTED_MD5" ]]; then
    echo "error: checksum mismatch for $SOURCE" >&2
    echo "  expected MD5: $EXPECTED_MD5" >&2
    echo "  got MD5:      $GOT_MD5" >&2
    if [[ -n "$TMP_ARCHIVE" ]]; then
        rm -f "$TMP_ARCHIVE"
        echo "The downloaded file was deleted: the download was damaged," \
            "or the source is not the official archive." >&2
        echo "Next: run the same command again to retry the download. If it fails again," \
            "download $OFFICIAL_URL in a browser and run: $LOCAL_COPY_HINT" >&2
    else
        echo "Your file was left as it is; it is damaged or not the official archive." >&2
        echo "Next: download it again from $OFFICIAL_URL and run: $LOCAL_COPY_HINT" >&2
    fi
    echo "A re-packed copy from your course has its own checksum: run with" \
        "CIFAR10_MD5=<the checksum your course publishes> to check against that." >&2
    exit 1
fi
if [[ "$EXPECTED_MD5" != "$OFFICIAL_MD5" ]]; then
    echo "Note: checked against CIFAR10_MD5, not the official checksum."
fi

echo "Extracting to $DEST"
TMP_DIR="$(mktemp -d "$HERE/.download-extract.XXXXXX")"
if ! tar -xzf "$ARCHIVE" -C "$TMP_DIR"; then
    die "could not extract $SOURCE; the archive is damaged or not a .tar.gz file"
fi
if ! is_complete "$TMP_DIR/$BATCH_DIR"; then
    die "$SOURCE does not contain $BATCH_DIR/ with all of: ${FILES[*]}"
fi

if [[ -e "$DEST" ]]; then
    echo "Replacing the incomplete folder $DEST"
    rm -rf "$DEST"
fi
mv "$TMP_DIR/$BATCH_DIR" "$DEST"
echo "Done: CIFAR-10 is in $DEST"
