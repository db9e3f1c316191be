# Read-set uploads (the drop dialog, multipart uploads in progress) and import jobs.
target_sources(bge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/readsetuploadproposal.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetuploadproposal.h
    ${CMAKE_CURRENT_LIST_DIR}/readsetuploadmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetuploadmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/readsetuploaddialog.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetuploaddialog.h
)
