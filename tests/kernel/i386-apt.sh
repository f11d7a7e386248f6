# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by the tests that fetch Debian's i386 packages (linux-image-686,
# busybox-static:i386, ...) on an amd64 machine whose dpkg has no i386
# architecture. Needs KERNEL_CACHE and work (tests/kernel/kernel-tests.sh).

# i386_apt: APT_CONFIG for apt-get and apt-cache with i386 package lists of
# their own, refreshed once a day (an index that fails to download, such as
# a mirror in sync, is ignored as long as the main lists arrive).
i386_dir=$KERNEL_CACHE/i386-userland
i386_apt() {
	_apt=$i386_dir/apt
	mkdir -p "$_apt/lists/partial" "$_apt/cache/archives/partial" "$_apt/state" || return 1
	cat >"$_apt/apt.conf" <<EOF_APT || return 1
Dir::State "$_apt/state";
Dir::State::Lists "$_apt/lists";
Dir::State::status "/var/lib/dpkg/status";
Dir::Cache "$_apt/cache";
APT::Architecture "i386";
APT::Architectures { "i386"; };
EOF_APT
	APT_CONFIG=$_apt/apt.conf
	export APT_CONFIG
	if [ -z "$(find "$_apt/lists" -name '*binary-i386_Packages*' -mtime -1 2>/dev/null)" ]; then
		# one update at a time: two tests may run this under make -j
		flock -w 600 "$_apt/update.lock" timeout 300 apt-get update -qq >"$work/apt-i386.log" 2>&1
	fi
	[ -n "$(find "$_apt/lists" -name '*_main_binary-i386_Packages*' 2>/dev/null)" ]
}
