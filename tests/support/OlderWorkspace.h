#pragma once

#include "store/Workspace.h"

#include <fstream>
#include <string>
#include <vector>

namespace clientele::test {

/// A new workspace file as an older version of Clientele left it: only the migrations up
/// to version applied, for tests of the migrations after it.
inline Workspace workspaceAtVersion(const std::string &path, int version)
{
    {
        std::ofstream empty(path, std::ios::binary); // an empty file: open() builds the schema
    }
    std::vector<Migration> older;
    for (const Migration &migration : workspaceMigrations())
        if (migration.version <= version)
            older.push_back(migration);
    return Workspace::open(path, older);
}

} // namespace clientele::test
