# SPDX-License-Identifier: GPL-2.0-or-later
# stubs/alpha/: the Alpha stub, built with the alpha-linux-gnu cross toolchain when configure finds it.
