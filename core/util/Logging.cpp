#include "Logging.h"

// Debug output is off unless asked for with QT_LOGGING_RULES="portolan.*.debug=true".
Q_LOGGING_CATEGORY(lcCatalog, "portolan.catalog", QtInfoMsg)
Q_LOGGING_CATEGORY(lcCache, "portolan.cache", QtInfoMsg)
Q_LOGGING_CATEGORY(lcReader, "portolan.reader", QtInfoMsg)
Q_LOGGING_CATEGORY(lcWorkspace, "portolan.workspace", QtInfoMsg)
Q_LOGGING_CATEGORY(lcSync, "portolan.sync", QtInfoMsg)
Q_LOGGING_CATEGORY(lcGit, "portolan.source.git", QtInfoMsg)
Q_LOGGING_CATEGORY(lcFiles, "portolan.source.files", QtInfoMsg)
Q_LOGGING_CATEGORY(lcActions, "portolan.actions", QtInfoMsg)
