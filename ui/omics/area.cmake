# The HealthOmics area of the main window: the workspace with the store's further tabs and
# the way dropped or chosen files become read-set uploads.
target_sources(bge_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/omicsarea.cpp ${CMAKE_CURRENT_LIST_DIR}/omicsarea.h
)
