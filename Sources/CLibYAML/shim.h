// libyaml's event parser from Debian's libyaml-dev (0.2.5), the C library Yams is built on.
//
// Only Sources/ScenarioFiles/AliasExpansion.swift may call it: it walks a file's parse events to
// count what the aliases expand to before Yams composes the tree (Yams checks duplicate keys by
// hashing them, which for a key made of nested aliases means hashing every expanded value).
// Yams links its own copy of the same library (CYaml, 0.2.5 with a nesting limit of 1000); the
// declarations here are identical, and the linker resolves the symbols to one of the two.
#ifndef HIGHNEEDS_CLIBYAML_SHIM_H
#define HIGHNEEDS_CLIBYAML_SHIM_H

#include <yaml.h>

#endif
