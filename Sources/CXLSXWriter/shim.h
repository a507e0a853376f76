// libxlsxwriter from Debian's libxlsxwriter-dev (1.1.x): the C library that writes .xlsx files.
//
// Only Sources/Workbook/XLSXWriter.swift may call it: every pointer, every lxw_error code and
// every C string passes through that one file.
#ifndef HIGHNEEDS_CXLSXWRITER_SHIM_H
#define HIGHNEEDS_CXLSXWRITER_SHIM_H

#include <xlsxwriter.h>

#endif
