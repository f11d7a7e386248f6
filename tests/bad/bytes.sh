# SPDX-License-Identifier: GPL-2.0-or-later
# Byte surgery for the make-bad-*.sh recipes (sourced; POSIX sh). Offsets
# are decimal file offsets; everything written is patched in place.

# patch FILE OFFSET BYTES...: overwrite bytes (given in hex) at OFFSET
patch() {
	_file=$1 _at=$2
	shift 2
	printf "$(printf '\\%03o' $(for b in "$@"; do printf '%d ' "0x$b"; done))" |
		dd of="$_file" bs=1 seek="$_at" conv=notrunc status=none
}

# le FILE OFFSET SIZE VALUE: write VALUE little endian in SIZE bytes at OFFSET
le() {
	_file=$1 _at=$2 _size=$3 _value=$4 _bytes= _i=0
	while [ $_i -lt "$_size" ]; do
		_bytes="$_bytes$(printf '\\%03o' $(( (_value >> (8 * _i)) & 255 )))"
		_i=$((_i + 1))
	done
	printf "$_bytes" | dd of="$_file" bs=1 seek="$_at" conv=notrunc status=none
}

# u32 FILE OFFSET: the little-endian 32-bit number at OFFSET
u32() {
	od -An -tu4 -j "$2" -N4 "$1" | tr -d ' '
}
