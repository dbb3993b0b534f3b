// Fixture for the include-rule checker's own test: a leaf that breaks the rules.
#include <iostream>

#include "apps/common/labels.h"
