# HealthOmics accounts, sequence stores, read-set browsing and the workspace that holds them.
target_sources(bge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/awsprofilelist.cpp ${CMAKE_CURRENT_LIST_DIR}/awsprofilelist.h
    ${CMAKE_CURRENT_LIST_DIR}/localfiledrop.cpp ${CMAKE_CURRENT_LIST_DIR}/localfiledrop.h
    ${CMAKE_CURRENT_LIST_DIR}/omicsaccountdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/omicsaccountdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/omicsaccountswitcher.cpp ${CMAKE_CURRENT_LIST_DIR}/omicsaccountswitcher.h
    ${CMAKE_CURRENT_LIST_DIR}/omicsformat.cpp ${CMAKE_CURRENT_LIST_DIR}/omicsformat.h
    ${CMAKE_CURRENT_LIST_DIR}/omicsworkspace.cpp ${CMAKE_CURRENT_LIST_DIR}/omicsworkspace.h
    ${CMAKE_CURRENT_LIST_DIR}/readsetdetailview.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetdetailview.h
    ${CMAKE_CURRENT_LIST_DIR}/readsetfilterbar.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetfilterbar.h
    ${CMAKE_CURRENT_LIST_DIR}/optionaldateedit.cpp ${CMAKE_CURRENT_LIST_DIR}/optionaldateedit.h
    ${CMAKE_CURRENT_LIST_DIR}/readsetquery.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetquery.h
    ${CMAKE_CURRENT_LIST_DIR}/readsetspanel.cpp ${CMAKE_CURRENT_LIST_DIR}/readsetspanel.h
    ${CMAKE_CURRENT_LIST_DIR}/readsettablemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/readsettablemodel.h
    ${CMAKE_CURRENT_LIST_DIR}/sequencestoremodel.cpp ${CMAKE_CURRENT_LIST_DIR}/sequencestoremodel.h
)
