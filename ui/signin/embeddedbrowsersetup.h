#pragma once

namespace bge::ui {

// What the embedded sign-in page (QtWebEngine, loaded later as a plugin) needs from the process
// before the application object exists: called first thing in main(), and by the programs that
// start the app's controller the same way (the first-result benchmark).
void prepareProcessForEmbeddedBrowser();

} // namespace bge::ui
