// zlib (Debian's zlib1g-dev), for the tests only: TestSupport/PNGImage.swift inflates the
// screenshots that headless Chromium takes, to check they are not blank.
#ifndef HIGHNEEDS_CZLIB_SHIM_H
#define HIGHNEEDS_CZLIB_SHIM_H

#include <zlib.h>

#endif
