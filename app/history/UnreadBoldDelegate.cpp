// SPDX-FileCopyrightText: 2026 fedmsg-notify contributors
// SPDX-License-Identifier: LGPL-2.1-or-later
#include "UnreadBoldDelegate.h"

#include "model/HistoryModel.h"

namespace fedmsg {

void UnreadBoldDelegate::initStyleOption(
    QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.data(HistoryModel::UnreadRole).toBool())
        option->font.setBold(true);
}

} // namespace fedmsg
