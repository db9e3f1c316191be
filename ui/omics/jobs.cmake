# Read-set uploads (the drop dialog, multipart uploads in progress) and import jobs.
target_sources(bge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/readsetuploadproposal.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetuploadproposal.h
    ${CMAKE_CURRENT_LIST_DIR}/readsetuploadmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetuploadmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/readsetuploaddialog.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetuploaddialog.h
)
target_sources(bge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/storeuploadmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/storeuploadmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/storeuploadsview.cpp ${CMAKE_CURRENT_LIST_DIR}/storeuploadsview.h
)
target_sources(bge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/importsourcecheck.cpp ${CMAKE_CURRENT_LIST_DIR}/importsourcecheck.h
    ${CMAKE_CURRENT_LIST_DIR}/importsourcesmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/importsourcesmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/startimportdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/startimportdialog.h
)
target_sources(bge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/importjobmodel.cpp ${CMAKE_CURRENT_LIST_DIR}/importjobmodel.h
    ${CMAKE_CURRENT_LIST_DIR}/importjobsourcemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/importjobsourcemodel.h
    ${CMAKE_CURRENT_LIST_DIR}/importjobdetail.cpp ${CMAKE_CURRENT_LIST_DIR}/importjobdetail.h
    ${CMAKE_CURRENT_LIST_DIR}/importjobsview.cpp ${CMAKE_CURRENT_LIST_DIR}/importjobsview.h
)
