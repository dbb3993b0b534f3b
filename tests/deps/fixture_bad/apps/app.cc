// Fixture: an app reaching up into a composition root.
#include "gui/main_window.h"
